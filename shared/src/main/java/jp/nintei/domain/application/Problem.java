package jp.nintei.domain.application;

/** One thing wrong or missing, with the field it concerns and a Japanese message saying what to do. */
public record Problem(String code, String field, String message) {}
