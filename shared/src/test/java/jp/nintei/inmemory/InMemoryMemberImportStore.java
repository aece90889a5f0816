package jp.nintei.inmemory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jp.nintei.domain.JapaneseText;
import jp.nintei.domain.Member;
import jp.nintei.port.MemberImportStore;

/**
 * {@link MemberImportStore} in memory: profiles, one claim per normalised e-mail address (released when its member
 * moves to another), and the account queue. Like the DynamoDB store, an unchanged member is not written again.
 */
public final class InMemoryMemberImportStore implements MemberImportStore {
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, String> claims = new HashMap<>();
    private final Set<String> queue = new LinkedHashSet<>();
    private int writes;

    /** A member already registered (with the claim on their address), as an earlier import left them. */
    public InMemoryMemberImportStore put(Member m) {
        members.put(m.memberNo(), m);
        if (m.email() != null) claims.put(key(m.email()), m.memberNo());
        return this;
    }

    static String key(String email) { return JapaneseText.normalize(email).replace(" ", "").toLowerCase(Locale.ROOT); }

    @Override
    public synchronized Map<String, Member> members(Collection<String> memberNos) {
        Map<String, Member> out = new LinkedHashMap<>();
        for (String no : memberNos) if (members.containsKey(no)) out.put(no, members.get(no));
        return out;
    }

    @Override
    public synchronized List<String> upsertMembers(List<Member> list, Map<String, Member> stored, Set<String> needAccount) {
        List<String> written = new ArrayList<>();
        List<Runnable> claimsToTake = new ArrayList<>();
        for (Member m : list) {
            Member old = stored.get(m.memberNo());
            if (m.equals(old)) continue;
            members.put(m.memberNo(), m);
            writes++;
            if (needAccount.contains(m.memberNo())) queue.add(m.memberNo());
            boolean newAddress = old == null || !Objects.equals(old.email() == null ? null : key(old.email()),
                    m.email() == null ? null : key(m.email()));
            // released addresses first: a member of the same file may take one over
            if (newAddress && old != null && old.email() != null) claims.remove(key(old.email()));
            if (newAddress && m.email() != null) claimsToTake.add(() -> claims.put(key(m.email()), m.memberNo()));
            written.add(m.memberNo());
        }
        claimsToTake.forEach(Runnable::run);
        return written;
    }

    @Override
    public synchronized Map<String, String> emailOwners(Collection<String> emails) {
        Map<String, String> out = new HashMap<>();
        for (String e : emails) {
            if (e == null) continue;
            String owner = claims.get(key(e));
            if (owner != null) out.put(key(e), owner);
        }
        return out;
    }

    /** Members waiting for their sign-in account, in the order queued. */
    public synchronized List<String> queued() { return List.copyOf(queue); }

    /** Profile items written so far (an unchanged member costs none). */
    public synchronized int writes() { return writes; }

    public synchronized String ownerOf(String email) { return claims.get(key(email)); }
}
