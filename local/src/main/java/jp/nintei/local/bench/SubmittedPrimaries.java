package jp.nintei.local.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoApplicationStore;
import jp.nintei.adapter.dynamo.DynamoMemberStore;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.Member;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.DocumentPurpose;
import jp.nintei.domain.application.FileType;
import jp.nintei.local.Bootstrap;
import jp.nintei.port.ApplicationKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The secretariat benches' data: 5,000 generated members (会員番号 20000001…), each with a submitted 一次申請 — three
 * preferences, a registered 領収書, 氏名 and ふりがな kept on the item as at submission, the confirmation mail sent —
 * written straight to the local DynamoDB (uncounted, not through the gateway) by 8 threads.
 */
final class SubmittedPrimaries {
    private SubmittedPrimaries() {}

    static final int APPLICANTS = 5000;
    static final int LOAD_THREADS = 8;
    /** DynamoDB requests per applicant: the member, the draft, the document added and registered, the submit, the mail sent. */
    static final int REQUESTS_EACH = 6;

    /** Writes them for {@code year}, prints what was loaded in how long, and returns the members. */
    static List<Member> load(int year) throws Exception {
        DynamoDbClient raw = AwsClients.dynamoDb();
        DynamoMemberStore members = new DynamoMemberStore(raw, Bootstrap.TABLE);
        DynamoApplicationStore apps = new DynamoApplicationStore(raw, Bootstrap.TABLE);
        List<Member> applicants = AdminBench.people(year, 20000001, APPLICANTS, new Random(20260501L));
        long l0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(LOAD_THREADS);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < LOAD_THREADS; t++) {
                int part = t;
                parts.add(pool.submit(() -> {
                    Random rnd = new Random(part);
                    for (int i = part; i < applicants.size(); i += LOAD_THREADS) {
                        Member m = applicants.get(i);
                        members.putMember(m);
                        submitWithReceipt(apps, year, m, i, rnd);
                    }
                    return null;
                }));
            }
            for (Future<?> f : parts) f.get();
        } finally {
            pool.shutdown();
        }
        System.out.printf(Locale.ROOT, "loaded %d members + %d submitted 一次申請 (%d requests, %d threads) in %.1f s%n",
                applicants.size(), applicants.size(), applicants.size() * REQUESTS_EACH, LOAD_THREADS, (System.nanoTime() - l0) / 1e9);
        return applicants;
    }

    private static void submitWithReceipt(DynamoApplicationStore apps, int year, Member m, int i, Random rnd) {
        ApplicationKey key = new ApplicationKey(m.memberNo(), year, ApplicationKind.NEW_PRIMARY);
        Instant now = Instant.now();
        long v = apps.saveDraft(key, 0, preferences(rnd), now);
        Document d = new Document(String.format(Locale.ROOT, "%032x", 0xB0000000L + i), DocumentPurpose.FEE_RECEIPT,
                "領収書_" + m.memberNo() + ".pdf", 150_000 + rnd.nextInt(250_000), FileType.PDF,
                sha256(m.memberNo()), Document.Status.PENDING, now);
        apps.addDocument(key, d, now);
        v = apps.registerDocument(key, d.id(), 1, now);
        String receiptNo = "P" + year + "-" + m.memberNo();
        String mailId = "submitted-" + year + "-" + ApplicationKind.NEW_PRIMARY.name() + "-" + m.memberNo() + "-v" + v;
        apps.submit(key, v, receiptNo, mailId, Instant.now(), m); // the name on the item: the review list searches it
        apps.markMailSent(key, mailId, Instant.now()); // as after the confirmation mail went out
    }

    private static List<String> preferences(Random rnd) {
        List<String> codes = new ArrayList<>();
        while (codes.size() < 3) {
            String c = String.format(Locale.ROOT, "%02d", 1 + rnd.nextInt(47));
            if (!codes.contains(c)) codes.add(c);
        }
        return codes;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
