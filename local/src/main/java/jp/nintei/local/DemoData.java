package jp.nintei.local;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.nintei.adapter.dynamo.DynamoDirectoryStore;
import jp.nintei.adapter.dynamo.DynamoMemberStore;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.Facility;
import jp.nintei.domain.Member;
import jp.nintei.domain.SpecialistStatus;
import jp.nintei.domain.Supervisor;
import jp.nintei.domain.YearWindows;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Demo data for the local stack: members in every menu and requirement state, one secretariat user, the
 * facility and supervisor directory, and this year's windows. Dates are relative to the application year so
 * the demo stays true in any year.
 */
public final class DemoData {
    public static final String PASSWORD = "nintei-demo1";
    public static final String SECRETARIAT_NO = "90000001";

    /** One demo login: who it is and what a reviewer should see. */
    public record Login(String memberNo, String email, String description, boolean secretariat) {}

    /**
     * A member as a fresh import leaves them: no account yet, queued. The accounts schedule (every minute) creates
     * the account and mails the invitation, readable in the local SES viewer, so the first sign-in can be walked.
     */
    /** The demo member whose whole 二次申請 (with documents) waits for the secretariat's 書類審査. */
    public static final String REVIEW_DEMO_NO = "10000011";
    public static final String INVITED_NO = "10000012";
    public static final String INVITED_EMAIL = "juni@example.jp";

    private final int year;
    private final List<Member> members = new ArrayList<>();
    private final List<Login> logins = new ArrayList<>();
    private final List<String> primarySubmitted = new ArrayList<>();
    /** whole 二次申請 with real documents, submitted in June: the secretariat's 書類審査 has one to open */
    private final List<String> secondarySubmitted = new ArrayList<>();

    public DemoData(int year) {
        this.year = year;
        int fy = year; // 当該年度 (April year)
        Set<Integer> paid = Set.of(fy - 2, fy - 1, fy);
        LocalDate longAgo = LocalDate.of(year - 8, 4, 1);
        add("10000001", "緩和 一郎", "かんわ いちろう", "ichiro@example.jp", longAgo, paid, true, 24, false, false,
                SpecialistStatus.NONE, false, "新規申請者：要件すべて充足、一次申請はこれから");
        add("10000002", "緩和 二郎", "かんわ じろう", "jiro@example.jp", longAgo, paid, true, 21, false, false,
                SpecialistStatus.NONE, true, "一次申請済み（6月に二次申請へ進める）");
        add("10000003", "緩和 三子", "かんわ みつこ", "mitsuko@example.jp", longAgo, paid, true, 30, false, true,
                SpecialistStatus.NONE, false, "筆記試験免除者（受験希望地は空欄で申請できる）");
        add("10000004", "緩和 四郎", "かんわ しろう", "shiro@example.jp", longAgo, paid, true, 0, true, false,
                SpecialistStatus.NONE, true, "症例報告書免除（認定要件4 は自動で✓）、一次申請済み");
        add("10000005", "緩和 五", "かんわ ご", "go@example.jp", LocalDate.of(year - 15, 4, 1), paid, true, 40, false,
                false, SpecialistStatus.LAPSED, false, "専門医（失効者）：更新申請が使える");
        add("10000006", "緩和 六美", "かんわ むつみ", "mutsumi@example.jp", longAgo, Set.of(fy - 2, fy - 1), true, 22, false,
                false, SpecialistStatus.NONE, true, "当該年度会費が未納（手続き中で申請可）、一次申請済み");
        add("10000007", "緩和 七海", "かんわ ななみ", "nanami@example.jp", LocalDate.of(year - 2, 8, 2), paid, true, 20,
                false, false, SpecialistStatus.NONE, true, "会員歴が7月31日時点で2年に1日足りない（満2年は8月1日の終了時）、一次申請済み");
        add("10000008", "緩和 八雲", "かんわ やくも", "yakumo@example.jp", LocalDate.of(year - 2, 8, 1), paid, true, 20,
                false, false, SpecialistStatus.NONE, true, "8月1日入会：会員歴が7月31日の終了時にちょうど2年（充足、民法第143条）、一次申請済み");
        add("10000009", "緩和 九", "かんわ きゅう", "kyu@example.jp", longAgo, paid, false, 25, false, false,
                SpecialistStatus.NONE, true, "教育セミナー未受講、一次申請済み");
        add("10000010", "緩和 十和子", "かんわ とわこ", "towako@example.jp", LocalDate.of(year - 12, 4, 1), paid, true, 35,
                false, false, SpecialistStatus.ACTIVE, false, "現役の専門医：更新申請が使える");
        add("10000011", "緩和 十一", "かんわ じゅういち", "juichi@example.jp", longAgo, paid, true, 26, false, false,
                SpecialistStatus.NONE, true, "一次申請・二次申請済み（書類審査の例：書類つき）");
        secondarySubmitted.add("10000011");
        Member staff = new Member(SECRETARIAT_NO, "事務局 花子", "じむきょく はなこ", "office@example.jp",
                LocalDate.of(year - 5, 4, 1), paid, false, 0, false, false, SpecialistStatus.NONE);
        members.add(staff);
        logins.add(new Login(SECRETARIAT_NO, staff.email(), "事務局（secretariat グループ）", true));
    }

    private void add(String no, String name, String kana, String email, LocalDate joined, Set<Integer> dues,
                     boolean seminar, int caseReports, boolean caseExempt, boolean examExempt, SpecialistStatus specialist,
                     boolean submittedPrimary, String description) {
        members.add(new Member(no, name, kana, email, joined, dues, seminar, caseReports, caseExempt, examExempt, specialist));
        logins.add(new Login(no, email, description, false));
        if (submittedPrimary) primarySubmitted.add(no);
    }

    public int year() { return year; }

    public List<Login> logins() { return logins; }

    public List<Member> members() { return members; }

    public void load(DynamoDbClient dynamo, CognitoIdentityProviderClient cognito, String table, String userPoolId) {
        load(dynamo, cognito, null, table, userPoolId);
    }

    /** With {@code s3}: the demo receipts are real PDFs in the documents bucket (the secretariat can open them). */
    public void load(DynamoDbClient dynamo, CognitoIdentityProviderClient cognito, software.amazon.awssdk.services.s3.S3Client s3,
                     String table, String userPoolId) {
        DynamoMemberStore store = new DynamoMemberStore(dynamo, table);
        for (int y = year - 1; y <= year + 1; y++) store.putWindows(YearWindows.defaults(y));
        for (Member m : members) {
            store.putMember(m);
            cognito.adminCreateUser(b -> b.userPoolId(userPoolId).username(m.memberNo())
                    .userAttributes(AttributeType.builder().name("email").value(m.email()).build(),
                            AttributeType.builder().name("email_verified").value("true").build())
                    .messageAction(MessageActionType.SUPPRESS));
            cognito.adminSetUserPassword(b -> b.userPoolId(userPoolId).username(m.memberNo()).password(PASSWORD).permanent(true));
        }
        cognito.adminAddUserToGroup(b -> b.userPoolId(userPoolId).username(SECRETARIAT_NO).groupName("secretariat"));
        Member invited = new Member(INVITED_NO, "招待 十二", "しょうたい じゅうに", INVITED_EMAIL, LocalDate.of(year - 3, 4, 1),
                java.util.Set.of(year), true, 20, false, false, SpecialistStatus.NONE);
        store.putMember(invited);
        dynamo.putItem(b -> b.tableName(table).item(jp.nintei.adapter.dynamo.DynamoAccountStore.queuedItem(INVITED_NO, INVITED_EMAIL,
                java.time.Instant.now())));
        ZonedDateTime submittedAt = ZonedDateTime.of(year, 4, 10, 10, 15, 0, 0, AppClock.JST);
        var apps = new jp.nintei.adapter.dynamo.DynamoApplicationStore(dynamo, table);
        int minute = 0;
        for (String no : primarySubmitted) {
            // a whole 一次申請: 希望地, a real receipt PDF in the documents bucket, submitted, mail sent
            var at = submittedAt.plusMinutes(minute++).toInstant();
            var key = new jp.nintei.port.ApplicationKey(no, year, ApplicationKind.NEW_PRIMARY);
            boolean exempt = members.stream().anyMatch(m -> m.memberNo().equals(no) && m.writtenExamExempt());
            long v = apps.saveDraft(key, 0, exempt ? java.util.List.of() : java.util.List.of("13", "14", "27"), at);
            byte[] pdf = receiptPdf(no);
            String id = String.format("%032x", Long.parseLong(no));
            String sha = sha256(pdf);
            v = apps.addDocument(key, new jp.nintei.domain.application.Document(id, jp.nintei.domain.application.DocumentPurpose.FEE_RECEIPT,
                    "振込控え_" + no + ".pdf", pdf.length, jp.nintei.domain.application.FileType.PDF, sha,
                    jp.nintei.domain.application.Document.Status.PENDING, at), at);
            if (s3 != null) {
                s3.putObject(b -> b.bucket(Bootstrap.DOCUMENTS_BUCKET).key(jp.nintei.port.DocumentStorage.key(key, id))
                        .contentType("application/pdf"), software.amazon.awssdk.core.sync.RequestBody.fromBytes(pdf));
            }
            v = apps.registerDocument(key, id, 1, at);
            String mailId = "submitted-" + year + "-NEW_PRIMARY-" + no + "-v" + v;
            apps.submit(key, v, "P" + year + "-" + no, mailId, at);
            apps.markMailSent(key, mailId, at);
        }
        for (String no : secondarySubmitted) wholeSecondary(apps, s3, no, members.stream().filter(m -> m.memberNo().equals(no)).findFirst().orElseThrow());
        DynamoDirectoryStore directory = new DynamoDirectoryStore(dynamo, table);
        facilities().forEach(directory::putFacility);
        supervisors().forEach(directory::putSupervisor);
    }

    /**
     * A whole 二次申請 submitted on June 10: 学歴・職歴・資格, 2 研修 entries sharing one certificate, 2 業績, 医師免許・受講証
     * (PDF) and 写真 (JPEG), each a real file in the documents bucket.
     */
    private void wholeSecondary(jp.nintei.adapter.dynamo.DynamoApplicationStore apps, software.amazon.awssdk.services.s3.S3Client s3,
                                String no, Member member) {
        var key = new jp.nintei.port.ApplicationKey(no, year, ApplicationKind.NEW_SECONDARY);
        var at = ZonedDateTime.of(year, 6, 10, 14, 30, 0, 0, AppClock.JST).toInstant();
        var purposes = java.util.List.of(jp.nintei.domain.application.DocumentPurpose.TRAINING_CERTIFICATE,
                jp.nintei.domain.application.DocumentPurpose.ACHIEVEMENT_COPY, jp.nintei.domain.application.DocumentPurpose.ACHIEVEMENT_COPY,
                jp.nintei.domain.application.DocumentPurpose.MEDICAL_LICENSE, jp.nintei.domain.application.DocumentPurpose.COURSE_CERTIFICATE,
                jp.nintei.domain.application.DocumentPurpose.EXAM_PHOTO);
        var names = java.util.List.of("臨床研修修了証明書.pdf", "抄録_学術大会.pdf", "症例報告_別刷.pdf", "医師免許証.pdf", "緩和ケア研修会_修了証.pdf", "受験用写真.jpg");
        long v = apps.saveSecondary(key, 0, new jp.nintei.port.SecondaryStore.Change(null, null, null, null, false,
                new jp.nintei.domain.secondary.JulyProjection(false, false, true, false)), at);
        java.util.List<String> ids = new ArrayList<>();
        for (int i = 0; i < purposes.size(); i++) {
            boolean photo = purposes.get(i) == jp.nintei.domain.application.DocumentPurpose.EXAM_PHOTO;
            byte[] file = photo ? photoJpeg() : receiptPdf(no).clone();
            String id = String.format("%032x", Long.parseLong(no) * 100 + i);
            apps.addDocument(key, new jp.nintei.domain.application.Document(id, purposes.get(i), names.get(i), file.length,
                    photo ? jp.nintei.domain.application.FileType.JPEG : jp.nintei.domain.application.FileType.PDF, sha256(file),
                    jp.nintei.domain.application.Document.Status.PENDING, at), at);
            if (s3 != null) {
                s3.putObject(b -> b.bucket(Bootstrap.DOCUMENTS_BUCKET).key(jp.nintei.port.DocumentStorage.key(key, id))
                        .contentType(photo ? "image/jpeg" : "application/pdf"), software.amazon.awssdk.core.sync.RequestBody.fromBytes(file));
            }
            v = apps.registerDocument(key, id, photo ? 0 : 1, at);
            ids.add(id);
        }
        var row = (java.util.function.BiFunction<String, String, jp.nintei.domain.secondary.Resume.Row>) jp.nintei.domain.secondary.Resume.Row::new;
        var resume = new jp.nintei.domain.secondary.Resume(
                java.util.List.of(row.apply((year - 18) + "-04-01", "○○大学 医学部 入学"), row.apply((year - 12) + "-03-31", "○○大学 医学部 卒業")),
                java.util.List.of(row.apply((year - 12) + "-04-01", "○○大学病院 初期研修医"), row.apply((year - 8) + "-04-01", "△△がんセンター 緩和医療科")),
                java.util.List.of(row.apply((year - 12) + "-05-01", "医師免許取得")), 7);
        v = apps.saveSecondary(key, v, new jp.nintei.port.SecondaryStore.Change(resume, null, null, null, null, null), at);
        var training = java.util.List.of(
                new jp.nintei.domain.secondary.TrainingRef("基幹施設（新制度）", "F0004", LocalDate.of(year - 3, 4, 1), "基幹施設（新制度）",
                        java.time.YearMonth.of(year - 3, 4), java.time.YearMonth.of(year - 2, 3), "S0004", LocalDate.of(year - 5, 4, 1),
                        "研修指導者資格を有する認定医", ids.get(0)),
                new jp.nintei.domain.secondary.TrainingRef("基幹施設（新制度）", "F0004", LocalDate.of(year - 3, 4, 1), "基幹施設（新制度）",
                        java.time.YearMonth.of(year - 2, 4), java.time.YearMonth.of(year - 1, 3), "S0004", LocalDate.of(year - 5, 4, 1),
                        "研修指導者資格を有する認定医", ids.get(0)));
        v = apps.saveSecondary(key, v, new jp.nintei.port.SecondaryStore.Change(null, training, null, null, null, null), at);
        var achievements = java.util.List.of(
                new jp.nintei.domain.secondary.Achievement(jp.nintei.domain.secondary.Achievement.Kind.CONFERENCE_PRESENTATION,
                        "在宅緩和ケアにおける早期介入の検討", "緩和十一, 学会次郎", "第" + (year - 1997) + "回日本緩和医療学会学術大会",
                        (year - 1) + "-06", null, ids.get(1)),
                new jp.nintei.domain.secondary.Achievement(jp.nintei.domain.secondary.Achievement.Kind.CASE_REPORT,
                        "難治性疼痛に対するメサドン導入の一例", "緩和十一, 指導一郎", "緩和医療学", (year - 1) + "-11",
                        jp.nintei.domain.secondary.Achievement.PUBLISHED, ids.get(2)));
        v = apps.saveSecondary(key, v, new jp.nintei.port.SecondaryStore.Change(null, null, achievements, null, null, null), at);
        v = apps.saveSecondary(key, v, new jp.nintei.port.SecondaryStore.Change(null, null, null,
                new jp.nintei.domain.secondary.IdentityDocuments(ids.get(3), ids.get(4), ids.get(5)), null, null), at);
        String mailId = "submitted-" + year + "-NEW_SECONDARY-" + no + "-v" + v;
        apps.submit(key, v, "S" + year + "-" + no, mailId, at, member);
        apps.markMailSent(key, mailId, at);
    }

    /** A small upright portrait JPEG (the demo's 受験用写真). */
    static byte[] photoJpeg() {
        try (var out = new java.io.ByteArrayOutputStream()) {
            var img = new java.awt.image.BufferedImage(300, 400, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var g = img.createGraphics();
            g.setColor(new java.awt.Color(0xDDE8F0));
            g.fillRect(0, 0, 300, 400);
            g.setColor(new java.awt.Color(0x5B6975));
            g.fillOval(100, 80, 100, 120);
            g.fillRect(70, 220, 160, 180);
            g.dispose();
            javax.imageio.ImageIO.write(img, "jpg", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A one-page receipt PDF (振込控え) for a demo member. */
    static byte[] receiptPdf(String memberNo) {
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            try (var text = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 14);
                text.newLineAtOffset(72, 720);
                text.showText("Bank transfer receipt (demo) - member " + memberNo + " - JPY 20,000");
                text.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String[] PLACES = {"札幌", "青森", "盛岡", "仙台", "秋田", "山形", "福島", "水戸", "宇都宮", "前橋",
        "さいたま", "千葉", "新宿", "横浜", "新潟", "富山", "金沢", "福井", "甲府", "長野", "岐阜", "静岡", "名古屋", "津",
        "大津", "京都", "大阪", "神戸", "奈良", "和歌山", "鳥取", "松江", "岡山", "広島", "山口", "徳島", "高松", "松山",
        "高知", "福岡", "佐賀", "長崎", "熊本", "大分", "宮崎", "鹿児島", "那覇"};
    private static final String[] PLACE_KANA = {"さっぽろ", "あおもり", "もりおか", "せんだい", "あきた", "やまがた", "ふくしま",
        "みと", "うつのみや", "まえばし", "さいたま", "ちば", "しんじゅく", "よこはま", "にいがた", "とやま", "かなざわ", "ふくい",
        "こうふ", "ながの", "ぎふ", "しずおか", "なごや", "つ", "おおつ", "きょうと", "おおさか", "こうべ", "なら", "わかやま",
        "とっとり", "まつえ", "おかやま", "ひろしま", "やまぐち", "とくしま", "たかまつ", "まつやま", "こうち", "ふくおか", "さが",
        "ながさき", "くまもと", "おおいた", "みやざき", "かごしま", "なは"};

    /** 40 facilities; F0001 is listed twice (認定研修施設 until March Y-3, then 基幹施設（新制度）). */
    public List<Facility> facilities() {
        List<Facility> out = new ArrayList<>();
        String[] kinds = {"市立病院", "赤十字病院", "大学病院", "医療センター", "がんセンター"};
        String[] kindKana = {"しりつびょういん", "せきじゅうじびょういん", "だいがくびょういん", "いりょうせんたー", "がんせんたー"};
        for (int i = 0; i < 40; i++) {
            String no = String.format("F%04d", i + 1);
            int p = i % PLACES.length;
            int k = i % kinds.length;
            String name = PLACES[p] + kinds[k];
            String kana = PLACE_KANA[p] + kindKana[k];
            String type = i % 3 == 0 ? Facility.CORE : i % 3 == 1 ? Facility.AFFILIATED : Facility.ACCREDITED;
            LocalDate from = LocalDate.of(year - 6 + (i % 4), 4, 1);
            LocalDate to = from.plusYears(5).minusDays(1);
            if (i == 0) {
                out.add(new Facility(no, name, kana, Facility.ACCREDITED, LocalDate.of(year - 8, 4, 1), LocalDate.of(year - 3, 3, 31)));
                out.add(new Facility(no, name, kana, Facility.CORE, LocalDate.of(year - 3, 4, 1), LocalDate.of(year + 2, 3, 31)));
            } else {
                out.add(new Facility(no, name, kana, type, from, to.isBefore(LocalDate.of(year, 7, 31)) ? to.plusYears(5) : to));
            }
        }
        return out;
    }

    /** 36 supervisors; S0001 was 専門医 until March Y-1 and is 指導医 from April Y-1 (a change mid-training). */
    public List<Supervisor> supervisors() {
        String[] family = {"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田"};
        String[] familyKana = {"さとう", "すずき", "たかはし", "たなか", "いとう", "わたなべ", "やまもと", "なかむら", "こばやし",
            "かとう", "よしだ", "やまだ"};
        String[] given = {"健一", "美穂", "誠"};
        String[] givenKana = {"けんいち", "みほ", "まこと"};
        String[] quals = {Supervisor.INSTRUCTOR, Supervisor.SPECIALIST, Supervisor.PROVISIONAL_INSTRUCTOR,
            Supervisor.CERTIFIED_WITH_TRAINER};
        List<Supervisor> out = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            String no = String.format("S%04d", i + 1);
            String name = family[i % family.length] + " " + given[i / family.length];
            String kana = familyKana[i % family.length] + " " + givenKana[i / family.length];
            if (i == 0) {
                out.add(new Supervisor(no, name, kana, Supervisor.SPECIALIST, LocalDate.of(year - 6, 4, 1), LocalDate.of(year - 1, 3, 31)));
                out.add(new Supervisor(no, name, kana, Supervisor.INSTRUCTOR, LocalDate.of(year - 1, 4, 1), LocalDate.of(year + 4, 3, 31)));
                continue;
            }
            LocalDate from = LocalDate.of(year - 5 + (i % 3), 4, 1);
            out.add(new Supervisor(no, name, kana, quals[i % quals.length], from, from.plusYears(6).minusDays(1)));
        }
        return out;
    }
}
