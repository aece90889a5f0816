package jp.nintei.port;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.nintei.domain.Member;

/** What the member import reads and writes: profiles, the claims on e-mail addresses, the account queue. */
public interface MemberImportStore extends MemberProfiles {
    /**
     * Writes members whose record differs from {@code stored} (with the claim on a new e-mail address); those in
     * {@code needAccount} are also queued for their sign-in account (created by the accounts schedule, so an import
     * of thousands returns in seconds). Returns the 会員番号 written.
     */
    List<String> upsertMembers(List<Member> members, Map<String, Member> stored, Set<String> needAccount);

    /** The member each of these e-mail addresses belongs to (keyed by the normalised address), where one does. */
    Map<String, String> emailOwners(Collection<String> emails);
}
