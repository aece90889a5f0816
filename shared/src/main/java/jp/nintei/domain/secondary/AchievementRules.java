package jp.nintei.domain.secondary;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.JapaneseText;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.DocumentPurpose;
import jp.nintei.domain.application.Problem;

/** 業績書 (docs/domain.md "3. 業績書"): each entry complete with a PDF copy; 学会発表 copies at most 2 pages. */
public final class AchievementRules {
    public static final int MAX_CONFERENCE_PAGES = 2;

    /** How many achievements the year asks for (a per-year setting of the secretariat; default at least one). */
    public record Required(int total) {
        public static final Required DEFAULT = new Required(1);
    }

    private AchievementRules() {}

    /** Reads typed fields (texts as typed and trimmed; the date NFKC, as yyyy-MM or yyyy-MM-dd); problems for what cannot be read. */
    public static List<Achievement> normalize(List<Achievement> typed, LocalDate today, List<Problem> problems) {
        List<Achievement> out = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            Achievement a = typed.get(i);
            String date = normalizeDate(a.date());
            String label = "業績" + (i + 1);
            if (a.date() != null && !JapaneseText.isBlank(a.date()) && date == null) {
                problems.add(new Problem("BAD_DATE", "items[" + i + "].date",
                        label + "：発表・発行年月は「2025-06」または「2025-06-14」の形式で入力してください。"));
            } else if (date != null && jp.nintei.domain.PlausibleDates.tooEarly(YearMonth.parse(date.substring(0, 7)))) {
                problems.add(new Problem("DATE_TOO_EARLY", "items[" + i + "].date", label + "：発表・発行年月が"
                        + jp.nintei.domain.PlausibleDates.EARLIEST.getYear() + "年より前です。正しい年月を入力してください。"));
            } else if (date != null && YearMonth.parse(date.substring(0, 7)).isAfter(YearMonth.from(today).plusMonths(1))) {
                problems.add(new Problem("FUTURE_DATE", "items[" + i + "].date", label + "：発表・発行年月が先の日付です。"));
            }
            for (String[] f : new String[][] {{"title", a.title()}, {"authors", a.authors()}, {"venue", a.venue()}}) {
                String v = JapaneseText.asTyped(f[1]);
                if (v != null && v.length() > 500) {
                    problems.add(new Problem("TEXT_TOO_LONG", "items[" + i + "]." + f[0], label + "：500文字以内で入力してください。"));
                }
            }
            // titles, authors and venues are kept as typed (never NFKC), only trimmed and cleaned
            out.add(new Achievement(a.kind(), JapaneseText.asTyped(a.title()), JapaneseText.asTyped(a.authors()),
                    JapaneseText.asTyped(a.venue()), date != null ? date : JapaneseText.normalize(a.date()),
                    JapaneseText.normalize(a.status()), blankToNull(a.copyDocumentId())));
        }
        return out;
    }

    /** What keeps the section from 登録済; {@code documents} by id (registered copies only count). */
    public static List<Problem> missing(List<Achievement> items, Map<String, Document> documents, Required required) {
        List<Problem> out = new ArrayList<>();
        if (items.size() < required.total()) {
            out.add(new Problem("ACHIEVEMENT_REQUIRED", "items", "業績を" + required.total() + "件以上登録してください。"));
        }
        for (int i = 0; i < items.size(); i++) {
            Achievement a = items.get(i);
            String label = "業績" + (i + 1);
            String f = "items[" + i + "].";
            if (a.kind() == null) out.add(new Problem("KIND_REQUIRED", f + "kind", label + "：業績の種類を選んでください。"));
            if (blank(a.title())) out.add(new Problem("TITLE_REQUIRED", f + "title", label + "：題名を入力してください。"));
            if (blank(a.authors())) out.add(new Problem("AUTHORS_REQUIRED", f + "authors", label + "：著者・演者を入力してください。"));
            if (blank(a.venue())) {
                out.add(new Problem("VENUE_REQUIRED", f + "venue", label + "：" + (a.kind() == Achievement.Kind.CONFERENCE_PRESENTATION
                        ? "大会名" : "掲載誌名・巻号・頁") + "を入力してください。"));
            }
            if (blank(a.date())) out.add(new Problem("DATE_REQUIRED", f + "date", label + "：発表・発行年月を入力してください。"));
            // a 業績 saved without 掲載状況 holds null: List.of(…).contains(null) throws, which made every read 500
            if (a.kind() != null && a.kind().paper() && (a.status() == null || !Achievement.STATUSES.contains(a.status()))) {
                out.add(new Problem("STATUS_REQUIRED", f + "status", label + "：掲載済か採択済・印刷中かを選んでください。"));
            }
            Document copy = a.copyDocumentId() == null ? null : documents.get(a.copyDocumentId());
            if (copy == null || !copy.registered() || copy.purpose() != DocumentPurpose.ACHIEVEMENT_COPY) {
                out.add(new Problem("COPY_REQUIRED", f + "copy", label + "：業績の写し（PDF）をアップロードしてください。"));
            } else if (a.kind() == Achievement.Kind.CONFERENCE_PRESENTATION && copy.pages() > MAX_CONFERENCE_PAGES) {
                out.add(new Problem("COPY_TOO_LONG", f + "copy", label + "：学会発表の写しは2枚以内（大会情報のページ＋抄録本文）です。"
                        + "このPDFは" + copy.pages() + "ページあります。"));
            }
        }
        return out;
    }

    static String normalizeDate(String typed) {
        String t = JapaneseText.normalize(typed);
        if (t == null || t.isEmpty()) return null;
        LocalDate d = JapaneseDate.parse(t);
        if (d != null) return d.toString();
        String ym = t.replace("年", "-").replace("月", "").replace("/", "-").replace(".", "-").replaceAll("\\s", "");
        if (ym.matches("\\d{4}-\\d{1,2}")) {
            try {
                return YearMonth.of(Integer.parseInt(ym.substring(0, 4)), Integer.parseInt(ym.substring(5))).toString();
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean blank(String s) { return s == null || JapaneseText.isBlank(s); }

    private static String blankToNull(String s) { return blank(s) ? null : s.strip(); }
}
