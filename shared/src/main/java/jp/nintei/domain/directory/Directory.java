package jp.nintei.domain.directory;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import jp.nintei.domain.Facility;
import jp.nintei.domain.Supervisor;

/**
 * The 研修施設 and 指導者 masters, searched in memory while the applicant types (≤ 2,000 facility rows and
 * ≤ 5,000 supervisor rows: a linear scan over precomputed keys is a fraction of a millisecond).
 *
 * <p>Immutable: built once from the rows (one row per 認定期間/種別, so one 認定番号 may have several rows) and
 * safe to share between threads and requests; the lists given are copied, the lists returned are unmodifiable.
 *
 * <p>A search, for both masters:
 * <ol>
 *   <li>if the query, NFKC-normalised, trimmed and upper-cased, equals a 認定番号 (normalised the same way:
 *       "ｆ０００１" finds F0001), the result is every row of that number, whatever the query's length;</li>
 *   <li>otherwise the query is {@linkplain SearchText#fold folded}; fewer than two characters left is too broad
 *       and finds nothing;</li>
 *   <li>a 認定番号 matches if the folded query is contained in the folded name or the folded kana of any of its
 *       rows; every row of a matching 認定番号 is returned (a facility renamed between two periods is found by
 *       either name, with both rows);</li>
 *   <li>order: numbers whose folded name or kana <em>starts</em> with the query first, then the others; within
 *       each, by the folded kana of the number's latest row (those without kana last), then by 認定番号; the
 *       rows of one number stay together, by validFrom (rows with the same validFrom in the order given);</li>
 *   <li>{@code limit} counts rows, so it may cut a number's rows short.</li>
 * </ol>
 * Only the folded query is compared with names: a 認定番号 is found by exact match only, never partially.
 */
public final class Directory {
    /** Queries shorter than this after folding match too much to be useful. */
    static final int MIN_QUERY_CODE_POINTS = 2;

    private final Index<Facility> facilities;
    private final Index<Supervisor> supervisors;

    /**
     * @throws NullPointerException if a list or a row is {@code null}
     * @throws IllegalArgumentException if a row has no 認定番号
     */
    public Directory(List<Facility> facilities, List<Supervisor> supervisors) {
        this.facilities = new Index<>(facilities, "facility", Facility::facilityNo, Facility::name, Facility::kana,
                Facility::validFrom);
        this.supervisors = new Index<>(supervisors, "supervisor", Supervisor::supervisorNo, Supervisor::name,
                Supervisor::kana, Supervisor::validFrom);
    }

    /**
     * Facility rows whose 名称 or カナ contains the query, or every row of the 認定番号 it equals.
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    public List<Facility> searchFacilities(String query, int limit) {
        return facilities.search(query, limit);
    }

    /**
     * Supervisor rows whose 氏名 or ふりがな contains the query (spaces between family and given name do not
     * matter, on either side), or every row of the 認定番号 it equals.
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    public List<Supervisor> searchSupervisors(String query, int limit) {
        return supervisors.search(query, limit);
    }

    /** Every row of that 認定番号 (normalised as in a search), by validFrom; empty if unknown or {@code null}. */
    public List<Supervisor> supervisorRows(String supervisorNo) {
        return supervisors.rows(supervisorNo);
    }

    /** Every row of that 認定番号 (normalised as in a search), by validFrom; empty if unknown or {@code null}. */
    public List<Facility> facilityRows(String facilityNo) {
        return facilities.rows(facilityNo);
    }

    /** Rows held: facility rows plus supervisor rows. */
    public int size() {
        return facilities.rowCount + supervisors.rowCount;
    }

    /** 認定番号 as compared: NFKC, trimmed, upper case; {@code null} stays {@code null}. */
    static String numberKey(String s) {
        if (s == null) return null;
        return Normalizer.normalize(s, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
    }

    private enum Match { PREFIX, PARTIAL, NONE }

    /** The rows of one 認定番号, with the folded names and kana of all of them. */
    private record Group<T>(String number, List<T> rows, String[] keys, String sortKana) {
        Match match(String foldedQuery) {
            Match best = Match.NONE;
            for (String key : keys) {
                if (key.startsWith(foldedQuery)) return Match.PREFIX;
                if (best == Match.NONE && key.contains(foldedQuery)) best = Match.PARTIAL;
            }
            return best;
        }
    }

    private static final class Index<T> {
        private final List<Group<T>> ordered;
        private final Map<String, Group<T>> byNumber;
        private final int rowCount;

        Index(List<T> input, String what, Function<T, String> numberOf, Function<T, String> nameOf,
              Function<T, String> kanaOf, Function<T, LocalDate> validFromOf) {
            Objects.requireNonNull(input, what + " rows");
            Map<String, List<T>> rowsByNumber = new LinkedHashMap<>();
            for (T row : input) {
                Objects.requireNonNull(row, what + " row");
                String number = numberKey(numberOf.apply(row));
                if (number == null || number.isEmpty()) {
                    throw new IllegalArgumentException(what + " row without 認定番号: " + row);
                }
                rowsByNumber.computeIfAbsent(number, k -> new ArrayList<>()).add(row);
            }
            Comparator<T> byValidFrom =
                    Comparator.comparing(validFromOf, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()));
            List<Group<T>> groups = new ArrayList<>(rowsByNumber.size());
            Map<String, Group<T>> index = new HashMap<>(rowsByNumber.size() * 2);
            for (Map.Entry<String, List<T>> e : rowsByNumber.entrySet()) {
                List<T> rows = new ArrayList<>(e.getValue());
                rows.sort(byValidFrom); // stable: rows with the same validFrom keep the input's order
                Set<String> keys = new LinkedHashSet<>();
                for (T row : rows) {
                    String name = SearchText.fold(nameOf.apply(row));
                    String kana = SearchText.fold(kanaOf.apply(row));
                    if (!name.isEmpty()) keys.add(name);
                    if (!kana.isEmpty()) keys.add(kana);
                }
                String sortKana = SearchText.fold(kanaOf.apply(rows.get(rows.size() - 1)));
                Group<T> g = new Group<>(e.getKey(), List.copyOf(rows), keys.toArray(String[]::new), sortKana);
                groups.add(g);
                index.put(g.number(), g);
            }
            groups.sort(Comparator
                    .comparing((Group<T> g) -> g.sortKana().isEmpty()) // without kana: last
                    .thenComparing(Group::sortKana)
                    .thenComparing(Group::number));
            this.ordered = List.copyOf(groups);
            this.byNumber = Map.copyOf(index);
            this.rowCount = input.size();
        }

        List<T> search(String query, int limit) {
            if (limit < 0) throw new IllegalArgumentException("limit must not be negative: " + limit);
            if (query == null || limit == 0) return List.of();
            Group<T> exact = byNumber.get(numberKey(query));
            if (exact != null) return head(exact.rows(), limit);
            String q = SearchText.fold(query);
            if (q.codePointCount(0, q.length()) < MIN_QUERY_CODE_POINTS) return List.of();
            List<T> prefix = new ArrayList<>();
            List<T> partial = new ArrayList<>();
            for (Group<T> g : ordered) {
                if (prefix.size() >= limit) break; // nothing after this can make the cut
                switch (g.match(q)) {
                    case PREFIX -> prefix.addAll(g.rows());
                    case PARTIAL -> {
                        if (prefix.size() + partial.size() < limit) partial.addAll(g.rows());
                    }
                    case NONE -> { }
                }
            }
            prefix.addAll(partial);
            return head(prefix, limit);
        }

        List<T> rows(String number) {
            if (number == null) return List.of();
            Group<T> g = byNumber.get(numberKey(number));
            return g == null ? List.of() : g.rows();
        }

        private static <T> List<T> head(List<T> rows, int limit) {
            return List.copyOf(rows.size() <= limit ? rows : rows.subList(0, limit));
        }
    }
}
