package jp.nintei.port;

import java.util.Collection;
import java.util.Map;
import jp.nintei.domain.Member;

/** Member profiles by 会員番号, many at once (BatchGetItem, 100 a request). */
public interface MemberProfiles {
    Map<String, Member> members(Collection<String> memberNos);
}
