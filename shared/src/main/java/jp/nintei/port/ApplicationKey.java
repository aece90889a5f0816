package jp.nintei.port;

import jp.nintei.domain.ApplicationKind;

/** Which application: one member, one year, one kind (one DynamoDB item). */
public record ApplicationKey(String memberNo, int year, ApplicationKind kind) {}
