package jp.nintei.service;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.Member;
import jp.nintei.domain.Menu;
import jp.nintei.domain.MenuEntry;
import jp.nintei.domain.Messages;
import jp.nintei.domain.Rejection;
import jp.nintei.port.MemberStore;
import jp.nintei.port.MyPageRecord;

/** マイページ: 申請者情報 and the 専門医 menu of the signed-in member. */
public final class MyPageService {
    public record MyPage(Member member, int year, ZonedDateTime now, List<MenuEntry> menu) {}

    private final MemberStore members;
    private final Clock clock;

    public MyPageService(MemberStore members, Clock clock) {
        this.members = members;
        this.clock = clock;
    }

    public MyPage myPage(String memberNo) {
        ZonedDateTime now = AppClock.now(clock);
        int year = now.getYear();
        MyPageRecord record = members.loadMyPage(memberNo, year)
                .orElseThrow(() -> new Rejection(Rejection.Kind.NOT_FOUND, "MEMBER_NOT_FOUND", null, Messages.MEMBER_NOT_FOUND));
        return new MyPage(record.member(), year, now,
                Menu.entries(record.member(), record.windows(), record.applications(), now));
    }
}
