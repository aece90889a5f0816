package jp.nintei.adapter.dynamo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.Member;
import jp.nintei.port.MemberImportStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** {@link MemberImportStore} on the single table: profile, e-mail claim and account queue items, in parallel batches. */
public final class DynamoMemberImportStore implements MemberImportStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoMemberImportStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Map<String, Member> members(Collection<String> memberNos) { return DynamoApplicationLists.profiles(dynamo, table, memberNos); }

    @Override
    public List<String> upsertMembers(List<Member> members, Map<String, Member> stored, java.util.Set<String> needAccount) {
        List<String> written = new ArrayList<>();
        List<WriteRequest> deletes = new ArrayList<>();
        List<WriteRequest> puts = new ArrayList<>();
        Instant now = Instant.now();
        for (Member m : members) {
            Member old = stored.get(m.memberNo());
            if (m.equals(old)) continue; // unchanged: re-importing a file writes nothing
            Map<String, AttributeValue> item = MemberMapper.toItem(m);
            ItemSize.check(item);
            puts.add(put(item));
            // the account queue lives on the account item: rewriting the profile never drops a queued member
            if (needAccount.contains(m.memberNo())) puts.add(put(DynamoAccountStore.queuedItem(m.memberNo(), m.email(), now)));
            boolean newAddress = old == null || !java.util.Objects.equals(emailKeyOrNull(old.email()), emailKeyOrNull(m.email()));
            if (newAddress && m.email() != null) puts.add(put(MemberMapper.emailClaim(m.email(), m.memberNo())));
            if (newAddress && old != null && old.email() != null) {
                deletes.add(WriteRequest.builder().deleteRequest(d -> d.key(MemberMapper.emailClaimKey(old.email()))).build());
            }
            written.add(m.memberNo());
        }
        // released addresses first: a member of the same file may take one over
        writeInParallel(deletes);
        writeInParallel(puts);
        return written;
    }

    /**
     * Batches of 25, eight at a time: a first import of 10,000 members is 30,000 items (profile, account queue,
     * address claim), which one batch after another would bring near the HTTP API's 30-second limit.
     */
    private void writeInParallel(List<WriteRequest> writes) {
        if (writes.size() <= 25) {
            if (!writes.isEmpty()) writeBatch(writes);
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "batch-write");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int from = 0; from < writes.size(); from += 25) {
                List<WriteRequest> batch = writes.subList(from, Math.min(writes.size(), from + 25));
                done.add(pool.submit(() -> writeBatch(batch)));
            }
            for (java.util.concurrent.Future<?> f : done) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String emailKeyOrNull(String email) { return email == null ? null : MemberMapper.emailKey(email); }

    @Override
    public Map<String, String> emailOwners(Collection<String> emails) {
        Map<String, String> out = new HashMap<>();
        List<String> keys = emails.stream().filter(java.util.Objects::nonNull).map(MemberMapper::emailKey).distinct().toList();
        for (Map<String, AttributeValue> i : DynamoApplicationLists.batchGet(dynamo, table, keys, e -> MemberMapper.emailClaimKey(e))) {
            out.put(Keys.emailOf(Attr.s(i, Keys.PK)), Attr.s(i, MemberMapper.MEMBER_NO));
        }
        return out;
    }

    private void writeBatch(List<WriteRequest> batch) { DynamoBatch.write(dynamo, table, batch); }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }
}
