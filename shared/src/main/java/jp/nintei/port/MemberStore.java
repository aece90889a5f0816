package jp.nintei.port;

import java.util.Optional;
import jp.nintei.domain.Member;
import jp.nintei.domain.YearWindows;

/** Members, their applications' summaries and the year's windows. */
public interface MemberStore {
    /** Profile, this year's applications and windows (defaults when none are stored), in one request. */
    Optional<MyPageRecord> loadMyPage(String memberNo, int year);

    /** The 会員番号 registered with this (normalised, lower-case) e-mail address. */
    Optional<String> findMemberNoByEmail(String email);

    void putMember(Member member);

    void putWindows(YearWindows windows);
}
