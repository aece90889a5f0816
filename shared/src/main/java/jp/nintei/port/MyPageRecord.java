package jp.nintei.port;

import java.util.List;
import jp.nintei.domain.ApplicationSummary;
import jp.nintei.domain.Member;
import jp.nintei.domain.YearWindows;

/** Everything マイページ needs, read in one round trip. */
public record MyPageRecord(Member member, YearWindows windows, List<ApplicationSummary> applications) {}
