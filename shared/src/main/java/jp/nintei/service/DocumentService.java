package jp.nintei.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.JapaneseText;
import jp.nintei.domain.Messages;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.DocumentPurpose;
import jp.nintei.domain.application.FileType;
import jp.nintei.domain.application.Inspection;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.ApplicationStore;
import jp.nintei.port.DocumentStorage;

/**
 * Uploads (docs/architecture.md "Uploads"): a slot with a presigned PUT that signs length, type and SHA-256;
 * registration that checks the stored object itself (size, checksum, real PDF/PNG/JPEG bytes); preview by a
 * presigned GET of at most five minutes; delete. Only on the member's own draft, inside the window.
 */
public final class DocumentService {
    public static final Duration UPLOAD_TTL = Duration.ofMinutes(15);
    public static final Duration PREVIEW_TTL = Duration.ofMinutes(5);
    /** Bounds the application item (each reference a few hundred bytes): far below DynamoDB's 400 KB. */
    static final int MAX_DOCUMENTS = 80;
    static final int MAX_PENDING_PER_PURPOSE = 5;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern DOCUMENT_ID = Pattern.compile("[0-9a-f]{32}");

    public record Slot(Document document, DocumentStorage.UploadTicket upload, long version) {}

    public record Registered(Document document, long version) {}

    private final ApplicationStore store;
    private final jp.nintei.port.SecondaryStore secondaries;
    private final DocumentStorage storage;
    private final WindowCache windows;
    private final Clock clock;

    public DocumentService(ApplicationStore store, DocumentStorage storage, WindowCache windows, Clock clock) {
        this(store, null, storage, windows, clock);
    }

    /** With {@code secondaries}: uploads to a 二次申請 need its 一次申請 submitted. */
    public DocumentService(ApplicationStore store, jp.nintei.port.SecondaryStore secondaries, DocumentStorage storage,
                           WindowCache windows, Clock clock) {
        this.store = store;
        this.secondaries = secondaries;
        this.storage = storage;
        this.windows = windows;
        this.clock = clock;
    }

    public Slot requestSlot(String memberNo, ApplicationKind kind, String purposeName, String fileName, long size,
                            String contentType, String sha256Hex) {
        ZonedDateTime now = AppClock.now(clock);
        ApplicationKey key = new ApplicationKey(memberNo, now.getYear(), kind);
        DocumentPurpose purpose = DocumentPurpose.of(purposeName);
        if (purpose == null || !fits(purpose, kind)) {
            throw new Rejection(Rejection.Kind.INVALID, "UNKNOWN_PURPOSE", "purpose", Messages.UNKNOWN_PURPOSE);
        }
        String name = cleanFileName(fileName);
        if (size <= 0) throw new Rejection(Rejection.Kind.INVALID, "EMPTY_FILE", "file", Messages.EMPTY_FILE);
        if (size > DocumentPurpose.MAX_BYTES) {
            throw new Rejection(Rejection.Kind.TOO_LARGE, "FILE_TOO_LARGE", "file",
                    "ファイルサイズは" + DocumentPurpose.MAX_LABEL + "までです。小さくしてから選んでください。");
        }
        FileType type = FileType.ofContentType(contentType);
        if (type == null || !purpose.types().contains(type)) {
            throw new Rejection(Rejection.Kind.UNSUPPORTED_TYPE, "UNSUPPORTED_TYPE", "file",
                    purpose.label() + "は " + purpose.typesLabel() + " のファイルを選んでください。");
        }
        String sha = sha256Hex == null ? "" : sha256Hex.strip().toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(sha).matches()) throw new Rejection(Rejection.Kind.INVALID, "BAD_CHECKSUM", "sha256", Messages.BAD_CHECKSUM);
        requireOpen(key, now);

        java.util.List<Document> documents;
        boolean submitted;
        if (kind.stage() == ApplicationKind.Stage.SECONDARY && secondaries != null) {
            var s = secondaries.loadSecondary(key)
                    .orElseThrow(() -> new Rejection(Rejection.Kind.NOT_FOUND, "MEMBER_NOT_FOUND", null, Messages.MEMBER_NOT_FOUND));
            if (!s.primarySubmitted()) throw new Rejection(Rejection.Kind.FORBIDDEN, "SECONDARY_UNAVAILABLE", null, Messages.SECONDARY_UNAVAILABLE);
            documents = s.application().documents();
            submitted = s.application().submitted();
        } else {
            var s = store.load(key).orElseThrow(() -> new Rejection(Rejection.Kind.NOT_FOUND, "MEMBER_NOT_FOUND", null, Messages.MEMBER_NOT_FOUND));
            documents = s.application().documents();
            submitted = s.application().submitted();
        }
        if (submitted) throw new Rejection(Rejection.Kind.CONFLICT, "ALREADY_SUBMITTED", null, Messages.ALREADY_SUBMITTED);
        // unfinished uploads (slots never registered) do not lock the applicant out: the page lists only registered
        // files, so there is nothing to delete there; the oldest unfinished slot of the purpose is replaced instead
        java.util.List<Document> unfinished = documents.stream().filter(d -> d.purpose() == purpose && !d.registered())
                .sorted(java.util.Comparator.comparing(Document::uploadedAt, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
                .toList();
        int replace = Math.max(unfinished.size() - (MAX_PENDING_PER_PURPOSE - 1),
                documents.size() - (MAX_DOCUMENTS - 1));
        if (replace > 0) {
            java.util.List<Document> oldest = unfinished.size() >= replace ? unfinished.subList(0, replace)
                    : documents.stream().filter(d -> !d.registered())
                            .sorted(java.util.Comparator.comparing(Document::uploadedAt,
                                    java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))).limit(replace).toList();
            if (oldest.size() < replace) {
                // only registered files fill the application: those the page lists with their ×
                throw new Rejection(Rejection.Kind.CONFLICT, "TOO_MANY_UPLOADS", "file", "登録できるファイルの数の上限に達しています。"
                        + "不要な登録済みのファイルを「×」で削除してから、もう一度アップロードしてください。");
            }
            for (Document d : oldest) {
                try {
                    store.removeDocument(key, d.id(), now.toInstant());
                } catch (ApplicationStore.Conflict c) {
                    throw PrimaryApplicationService.conflict(c);
                }
                storage.delete(DocumentStorage.key(key, d.id()));
            }
        }
        if (documents.stream().filter(d -> d.purpose() == purpose && d.registered()).count() >= purpose.maxCount()) {
            throw new Rejection(Rejection.Kind.CONFLICT, "DOCUMENT_LIMIT", "file", purpose.label() + "は" + purpose.maxCount()
                    + "ファイルまでです。登録済みのファイルを「×」で削除してから、もう一度アップロードしてください。");
        }
        Document doc = new Document(UUID.randomUUID().toString().replace("-", ""), purpose, name, size, type, sha,
                Document.Status.PENDING, now.toInstant());
        long version;
        try {
            version = store.addDocument(key, doc, now.toInstant());
        } catch (ApplicationStore.Conflict c) {
            throw PrimaryApplicationService.conflict(c);
        }
        String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha));
        return new Slot(doc, storage.presignUpload(DocumentStorage.key(key, doc.id()), size, type.contentType(), base64,
                UPLOAD_TTL), version);
    }

    /** 登録: the object must be there with the declared size and SHA-256, and really be of its type. */
    public Registered register(String memberNo, ApplicationKind kind, String documentId) {
        ZonedDateTime now = AppClock.now(clock);
        ApplicationKey key = new ApplicationKey(memberNo, now.getYear(), kind);
        Document doc = find(key, documentId);
        if (doc.registered()) return new Registered(doc, -1);
        requireOpen(key, now);
        String objectKey = DocumentStorage.key(key, doc.id());
        Optional<byte[]> content = storage.read(objectKey, DocumentPurpose.MAX_BYTES);
        if (content.isEmpty()) throw new Rejection(Rejection.Kind.CONFLICT, "UPLOAD_NOT_FINISHED", "file", Messages.UPLOAD_NOT_FINISHED);
        byte[] bytes = content.get();
        Rejection rejection = null;
        Inspection inspection = null;
        if (bytes.length != doc.size() || !sha256(bytes).equals(doc.sha256())) {
            rejection = new Rejection(Rejection.Kind.UNPROCESSABLE, "UPLOAD_MISMATCH", "file", Messages.UPLOAD_MISMATCH);
        } else if (FileType.detect(bytes) != doc.type()) {
            rejection = new Rejection(Rejection.Kind.UNPROCESSABLE, "INVALID_CONTENT", "file", "このファイルは " + doc.purpose().typesLabel()
                    + " として読み取れません。ファイルが壊れていないか確認して、" + doc.purpose().typesLabel()
                    + " のファイルを選び直してください。");
        } else {
            try {
                inspection = Inspection.of(doc.purpose(), doc.type(), bytes);
            } catch (RuntimeException unreadable) {
                inspection = new Inspection(0, 0, 0, new jp.nintei.domain.application.Problem("INVALID_CONTENT", "file",
                        "このファイルは読み取れません。ファイルが壊れていないか確認して、選び直してください。"));
            }
            if (inspection.problem() != null) {
                rejection = new Rejection(Rejection.Kind.UNPROCESSABLE, inspection.problem().code(), "file", inspection.problem().message());
            }
        }
        Registered registered = null;
        for (int attempt = 0; rejection == null && registered == null; attempt++) {
            // the limit is counted at a version and the 登録 is written only while the item is still at it: two
            // 登録 at the same moment cannot both pass a one-file limit (the loser counts again and is refused)
            var current = store.load(key).map(x -> x.application()).orElse(null);
            if (current == null) throw notFound();
            long others = current.documents().stream()
                    .filter(d -> d.purpose() == doc.purpose() && d.registered() && !d.id().equals(doc.id())).count();
            if (others >= doc.purpose().maxCount()) {
                rejection = new Rejection(Rejection.Kind.CONFLICT, "DOCUMENT_LIMIT", "file", doc.purpose().label() + "は" + doc.purpose().maxCount()
                        + "ファイルまでです。登録済みのファイルを「×」で削除してから、もう一度アップロードしてください。");
                break;
            }
            try {
                long version = store.registerDocument(key, doc.id(), inspection.pages(), current.version(), now.toInstant());
                registered = new Registered(new Document(doc.id(), doc.purpose(), doc.fileName(), doc.size(), doc.type(), doc.sha256(),
                        Document.Status.REGISTERED, doc.uploadedAt(), inspection.pages()), version);
            } catch (ApplicationStore.Conflict c) {
                boolean stale = c.reason() == ApplicationStore.Conflict.Reason.STALE
                        || (c.reason() == ApplicationStore.Conflict.Reason.MISSING && store.findDocument(key, doc.id()).isPresent());
                if (!stale || attempt >= 10) throw PrimaryApplicationService.conflict(c);
            }
        }
        if (rejection != null) {
            // the upload does not count: neither the object nor the reference stays
            try {
                store.removeDocument(key, doc.id(), now.toInstant());
            } catch (ApplicationStore.Conflict ignored) {
                // submitted meanwhile: the pending reference never counted anyway
            }
            storage.delete(objectKey);
            throw rejection;
        }
        return registered;
    }

    /** A presigned GET of at most five minutes, for the member's own document only. */
    public String previewUrl(String memberNo, ApplicationKind kind, String documentId) {
        ApplicationKey key = new ApplicationKey(memberNo, AppClock.now(clock).getYear(), kind);
        Document doc = find(key, documentId);
        return storage.presignDownload(DocumentStorage.key(key, doc.id()), doc.fileName(), doc.type().contentType(), PREVIEW_TTL);
    }

    /** × : removes the reference, then the object (an orphaned object, should the second step fail, is harmless). */
    public void delete(String memberNo, ApplicationKind kind, String documentId) {
        ZonedDateTime now = AppClock.now(clock);
        ApplicationKey key = new ApplicationKey(memberNo, now.getYear(), kind);
        if (!DOCUMENT_ID.matcher(documentId == null ? "" : documentId).matches()) throw notFound();
        requireOpen(key, now);
        Optional<Document> removed;
        try {
            removed = store.removeDocument(key, documentId, now.toInstant());
        } catch (ApplicationStore.Conflict c) {
            throw PrimaryApplicationService.conflict(c);
        }
        if (removed.isEmpty()) throw notFound();
        storage.delete(DocumentStorage.key(key, documentId));
    }

    private Document find(ApplicationKey key, String documentId) {
        if (documentId == null || !DOCUMENT_ID.matcher(documentId).matches()) throw notFound();
        return store.findDocument(key, documentId).orElseThrow(DocumentService::notFound);
    }

    private static Rejection notFound() {
        return new Rejection(Rejection.Kind.NOT_FOUND, "DOCUMENT_NOT_FOUND", null, Messages.DOCUMENT_NOT_FOUND);
    }

    private void requireOpen(ApplicationKey key, ZonedDateTime now) {
        if (!ApplicantWindow.isOpen(store, key, windows.get(key.year()), now)) {
            throw new Rejection(Rejection.Kind.FORBIDDEN, "WINDOW_CLOSED", null, Messages.WINDOW_CLOSED);
        }
    }

    private static boolean fits(DocumentPurpose purpose, ApplicationKind kind) {
        return switch (kind.stage()) {
            case PRIMARY -> purpose.primary();
            case SECONDARY -> !purpose.primary();
            case RENEWAL -> false;
        };
    }

    /**
     * The name as shown back to the member and in the mail: no folders, no control or invisible format
     * characters (a right-to-left override could disguise the extension), never NFKC (「振込控え （4月）.pdf」 keeps
     * its full-width parentheses), at most 120 characters with the extension kept and no character cut in half.
     */
    static String cleanFileName(String fileName) {
        String n = JapaneseText.asTyped(fileName);
        if (n != null) {
            // full-width ／ and ＼ count as folder separators too (the name is not NFKC-normalised)
            int cut = Math.max(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')), Math.max(n.lastIndexOf('\uFF0F'), n.lastIndexOf('\uFF3C')));
            n = n.substring(cut + 1).replaceAll("[\\p{Cc}\\p{Cf}]", "").strip();
        }
        if (n == null || n.isEmpty()) throw new Rejection(Rejection.Kind.INVALID, "FILE_NAME_REQUIRED", "file", Messages.FILE_NAME_REQUIRED);
        int max = 120;
        if (n.codePointCount(0, n.length()) <= max) return n;
        int dot = n.lastIndexOf('.');
        String ext = dot > 0 && n.length() - dot <= 10 ? n.substring(dot) : "";
        String base = ext.isEmpty() ? n : n.substring(0, dot);
        int keep = max - ext.codePointCount(0, ext.length());
        return base.substring(0, base.offsetByCodePoints(0, keep)).strip() + ext;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
