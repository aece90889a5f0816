package jp.nintei.domain;

/** Where one application stands. 下書き → 申請済; 未提出 when the window closed on a draft. */
public enum ApplicationStatus { DRAFT, SUBMITTED, NOT_SUBMITTED }
