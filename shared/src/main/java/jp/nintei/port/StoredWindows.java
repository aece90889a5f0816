package jp.nintei.port;

import jp.nintei.domain.YearWindows;

/** 受付期間 of a year as stored (defaults where none are). */
public interface StoredWindows {
    YearWindows windows(int year);
}
