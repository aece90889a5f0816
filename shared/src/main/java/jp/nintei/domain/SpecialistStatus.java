package jp.nintei.domain;

/** 専門医 status of a member: never, current, or lapsed (失効者). */
public enum SpecialistStatus {
    NONE, ACTIVE, LAPSED;

    /** 更新申請 is for 専門医 (失効者含む). */
    public boolean isOrWasSpecialist() { return this != NONE; }
}
