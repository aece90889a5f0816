package jp.nintei.domain.secondary;

/** 4. 医師免許・受講証・受験用写真（認定要件1・5）: the documents chosen for each, by id. */
public record IdentityDocuments(String licenseId, String courseId, String photoId) {
    public static final IdentityDocuments NONE = new IdentityDocuments(null, null, null);
}
