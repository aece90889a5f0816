package jp.nintei.domain.secondary;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import jp.nintei.domain.Facility;
import jp.nintei.domain.Supervisor;
import jp.nintei.domain.application.Problem;

/**
 * The rules of 2. 臨床研修修了証明書（認定要件3） of the secondary application (docs/domain.md "Secondary application" → 2
 * and "7月実績見込み"; manual 【2.臨床研修修了証明書①②】). Pure: no I/O, no clock.
 *
 * <p>Months are whole: an entry runs from the 1st of {@code from} to the last day of {@code to}, and it lies inside a
 * 認定期間 only if every one of those days does ({@code null} validFrom/validTo = open-ended).
 *
 * <p>Fields: {@code entries} (the list), {@code entries[i].category}, {@code .facility}, {@code .period},
 * {@code .supervisor}, {@code .certificateDocumentId}; i is zero-based, messages name the entry as the page does
 * (証明書1, 証明書2, …).
 */
public final class TrainingRules {
    /** 2年間. */
    public static final int REQUIRED_MONTHS = 24;

    private static final String CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

    private TrainingRules() {}

    /**
     * Every problem of the section; empty when it is complete.
     *
     * @param entries the entries in page order (証明書1 first)
     * @param supervisorRows supervisorNo → all that supervisor's directory rows (used to recognise a qualification
     *     change and propose the split); may be {@code null} or lack a supervisor, then only the chosen row is known
     * @param year the application year (training may end in June of it, July with the box ticked)
     * @param julyTicked 7月実績見込み「臨床研修修了証明書」 is ticked
     */
    public static List<Problem> check(List<TrainingEntry> entries, Map<String, List<Supervisor>> supervisorRows,
                                      int year, boolean julyTicked) {
        List<Problem> out = new ArrayList<>();
        if (entries == null || entries.isEmpty()) {
            out.add(new Problem("ENTRY_REQUIRED", "entries", "臨床研修修了証明書を1件以上登録してください。"));
            return out;
        }
        YearMonth june = YearMonth.of(year, 6);
        YearMonth july = YearMonth.of(year, 7);
        for (int i = 0; i < entries.size(); i++) {
            TrainingEntry e = entries.get(i);
            if (e == null) e = new TrainingEntry(null, null, null, null, null, null);
            String label = label(i);
            String f = "entries[" + i + "].";

            boolean categoryOk = e.category() != null && TrainingEntry.CATEGORIES.contains(e.category().strip());
            if (!categoryOk) {
                out.add(new Problem("CATEGORY_REQUIRED", f + "category", label + "：研修区分を選んでください。"));
            }
            if (e.facility() == null) {
                out.add(new Problem("FACILITY_REQUIRED", f + "facility", label + "：施設名称を検索して選んでください。"));
            }
            boolean periodOk = false;
            if (e.from() == null || e.to() == null) {
                out.add(new Problem("PERIOD_REQUIRED", f + "period", label + "：研修期間（開始月と終了月）を選んでください。"));
            } else if (e.from().isAfter(e.to())) {
                out.add(new Problem("PERIOD_REVERSED", f + "period",
                        label + "：研修期間の開始月（" + ym(e.from()) + "）が終了月（" + ym(e.to()) + "）より後になっています。"));
            } else {
                periodOk = true;
            }
            if (e.supervisor() == null) {
                out.add(new Problem("SUPERVISOR_REQUIRED", f + "supervisor", label + "：指導者を検索して選んでください。"));
            }
            if (e.certificateDocumentId() == null || e.certificateDocumentId().isBlank()) {
                out.add(new Problem("CERTIFICATE_REQUIRED", f + "certificateDocumentId",
                        label + "：臨床研修修了証明書（PDF）をアップロードしてください。"));
            }

            Facility fac = e.facility();
            if (fac != null) {
                if (periodOk && !inside(e.from(), e.to(), fac.validFrom(), fac.validTo())) {
                    out.add(new Problem("OUTSIDE_FACILITY_PERIOD", f + "facility",
                            label + "：研修期間が施設「" + fac.name() + "」の認定期間（" + range(fac.validFrom(), fac.validTo())
                                    + "）の外にあります。該当する期間の施設を選んでください。"));
                }
                if (categoryOk && fac.type() != null && !fac.type().strip().equals(e.category().strip())) {
                    out.add(new Problem("CATEGORY_MISMATCH", f + "category",
                            label + "：研修区分「" + e.category().strip() + "」が施設「" + fac.name() + "」の認定種別「"
                                    + fac.type() + "」と一致しません。研修区分を合わせるか、該当する認定種別の施設を選んでください。"));
                }
            }

            Supervisor sup = e.supervisor();
            if (sup != null && periodOk && !inside(e.from(), e.to(), sup.validFrom(), sup.validTo())) {
                List<Supervisor> rows = rowsOf(sup, supervisorRows);
                List<TrainingEntry> split = proposeSplit(e, rows);
                if (split.size() >= 2 && totalMonths(split) == months(e.from(), e.to())) {
                    out.add(new Problem("SUPERVISOR_QUALIFICATION_CHANGED", f + "supervisor", splitMessage(label, sup, split)));
                } else {
                    out.add(new Problem("OUTSIDE_SUPERVISOR_PERIOD", f + "supervisor",
                            label + "：研修期間が指導者「" + sup.name() + "」の認定期間（" + sup.qualification() + "："
                                    + range(sup.validFrom(), sup.validTo()) + "）の外にあります。該当する期間の指導者を選んでください。"));
                }
            }

            if (periodOk) {
                List<String> overlapped = new ArrayList<>();
                for (int j = 0; j < i; j++) {
                    TrainingEntry o = entries.get(j);
                    if (o != null && hasPeriod(o) && !o.to().isBefore(e.from()) && !e.to().isBefore(o.from())) {
                        overlapped.add(label(j));
                    }
                }
                if (!overlapped.isEmpty()) {
                    out.add(new Problem("OVERLAP", f + "period",
                            label + "：研修期間が" + String.join("、", overlapped) + "と重なっています。"));
                }
            }

            if (e.to() != null) {
                if (julyTicked && e.to().isAfter(july)) {
                    out.add(new Problem("AFTER_JULY", f + "period",
                            label + "：研修期間は" + year + "年7月までで選択してください。"));
                } else if (!julyTicked && e.to().equals(july)) {
                    out.add(new Problem("AFTER_JUNE", f + "period",
                            label + "：研修期間は" + year + "年6月までで選択してください。7月の実績見込みを含める場合は、"
                                    + "「本申請に7月時点の見込み実績を含むものをご選択ください。」欄の「臨床研修修了証明書」にチェックを入れてください。"));
                } else if (!julyTicked && e.to().isAfter(june)) {
                    out.add(new Problem("AFTER_JUNE", f + "period",
                            label + "：研修期間は" + year + "年6月まで（7月実績見込みの場合は7月まで）で選択してください。"));
                }
            }
        }
        int total = totalMonths(entries);
        if (total < REQUIRED_MONTHS) {
            out.add(new Problem("TOO_SHORT", "entries",
                    "研修期間の合計が" + total + "か月です。2年間（" + REQUIRED_MONTHS + "か月）以上必要です。"));
        }
        return out;
    }

    /**
     * The months covered by the entries, each month counted once however many entries contain it. Entries without
     * a complete period (or with a reversed one) count nothing.
     */
    public static int totalMonths(List<TrainingEntry> entries) {
        if (entries == null) return 0;
        Set<YearMonth> months = new TreeSet<>();
        for (TrainingEntry e : entries) {
            if (e == null || !hasPeriod(e)) continue;
            for (YearMonth m = e.from(); !m.isAfter(e.to()); m = m.plusMonths(1)) months.add(m);
        }
        return months.size();
    }

    /**
     * The entry split by the supervisor's qualification rows, as the manual asks when a supervisor's qualification
     * changed during the training: one entry per row the period overlaps, its period clipped to the whole months
     * inside that row, everything else (category, facility, certificate) kept. Rows are taken in order of validFrom;
     * where two rows overlap each other, a month goes to the earlier row, so the pieces never overlap. Rows of
     * another supervisorNo than the entry's are ignored. Empty when the entry has no complete period or no row
     * covers any whole month of it. Months covered by no row are left out (the caller can compare month counts).
     */
    public static List<TrainingEntry> proposeSplit(TrainingEntry e, List<Supervisor> rowsOfThatSupervisor) {
        if (e == null || !hasPeriod(e) || rowsOfThatSupervisor == null) return List.of();
        String no = e.supervisor() == null ? null : e.supervisor().supervisorNo();
        List<Supervisor> rows = rowsOfThatSupervisor.stream()
                .filter(Objects::nonNull)
                .filter(r -> no == null || no.equals(r.supervisorNo()))
                .distinct()
                .sorted(Comparator.comparing(Supervisor::validFrom, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Supervisor::validTo, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<TrainingEntry> out = new ArrayList<>();
        YearMonth cursor = e.from();
        for (Supervisor r : rows) {
            if (cursor.isAfter(e.to())) break;
            YearMonth first = firstWholeMonth(r.validFrom());
            YearMonth last = lastWholeMonth(r.validTo());
            YearMonth start = first == null || first.isBefore(cursor) ? cursor : first;
            YearMonth end = last == null || last.isAfter(e.to()) ? e.to() : last;
            if (start.isAfter(end)) continue;
            out.add(new TrainingEntry(e.category(), e.facility(), start, end, r, e.certificateDocumentId()));
            cursor = end.plusMonths(1);
        }
        return out;
    }

    // --- helpers

    private static String label(int i) { return "証明書" + (i + 1); }

    private static boolean hasPeriod(TrainingEntry e) {
        return e.from() != null && e.to() != null && !e.from().isAfter(e.to());
    }

    private static int months(YearMonth from, YearMonth to) {
        return (to.getYear() - from.getYear()) * 12 + to.getMonthValue() - from.getMonthValue() + 1;
    }

    /** Every day from the 1st of {@code from} to the last day of {@code to} lies in [validFrom, validTo]. */
    private static boolean inside(YearMonth from, YearMonth to, LocalDate validFrom, LocalDate validTo) {
        return (validFrom == null || !from.atDay(1).isBefore(validFrom))
                && (validTo == null || !to.atEndOfMonth().isAfter(validTo));
    }

    /** The first month wholly on or after {@code d}; {@code null} for open-ended. */
    private static YearMonth firstWholeMonth(LocalDate d) {
        if (d == null) return null;
        YearMonth m = YearMonth.from(d);
        return d.getDayOfMonth() == 1 ? m : m.plusMonths(1);
    }

    /** The last month wholly on or before {@code d}; {@code null} for open-ended. */
    private static YearMonth lastWholeMonth(LocalDate d) {
        if (d == null) return null;
        YearMonth m = YearMonth.from(d);
        return d.equals(m.atEndOfMonth()) ? m : m.minusMonths(1);
    }

    private static List<Supervisor> rowsOf(Supervisor chosen, Map<String, List<Supervisor>> supervisorRows) {
        Set<Supervisor> rows = new LinkedHashSet<>();
        rows.add(chosen);
        if (supervisorRows != null && chosen.supervisorNo() != null) {
            List<Supervisor> known = supervisorRows.get(chosen.supervisorNo());
            if (known != null) rows.addAll(known);
        }
        return new ArrayList<>(rows);
    }

    private static String splitMessage(String label, Supervisor sup, List<TrainingEntry> split) {
        boolean qualificationChanged = split.stream().map(p -> p.supervisor().qualification()).distinct().count() > 1;
        StringBuilder periods = new StringBuilder();
        StringBuilder pieces = new StringBuilder();
        for (int k = 0; k < split.size(); k++) {
            Supervisor r = split.get(k).supervisor();
            if (k > 0) periods.append("、");
            LocalDate from = k == 0 ? null : r.validFrom();
            LocalDate to = k == split.size() - 1 ? null : r.validTo();
            periods.append(r.qualification()).append("：").append(range(from, to));
            pieces.append(circled(k)).append(ym(split.get(k).from())).append("～").append(ym(split.get(k).to()))
                    .append("（").append(r.qualification()).append("）");
        }
        return label + "：研修期間中に指導者「" + sup.name() + "」の" + (qualificationChanged ? "認定資格" : "認定期間")
                + "が変わっています（" + periods + "）。証明書の入力欄を分けて登録してください：" + pieces
                + "。臨床研修修了証明書は1枚で問題ございません。";
    }

    private static String circled(int k) {
        return k < CIRCLED.length() ? String.valueOf(CIRCLED.charAt(k)) : "(" + (k + 1) + ")";
    }

    private static String ym(YearMonth m) { return m.getYear() + "年" + m.getMonthValue() + "月"; }

    private static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** "2018年4月1日～2023年3月31日", open ends left blank ("～2024年3月31日", "2024年4月1日～"). */
    private static String range(LocalDate from, LocalDate to) {
        return (from == null ? "" : date(from)) + "～" + (to == null ? "" : date(to));
    }
}
