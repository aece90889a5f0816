package jp.nintei.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The 専門医 menu (docs/domain.md "Time" and "The menu"; manual p.3 and p.7). */
class MenuTest {
    private static final int YEAR = 2026;
    private static final YearWindows DEFAULTS = YearWindows.defaults(YEAR);

    private static final String PRIMARY_LABEL = "受付期間：2026年4月1日 0:00 ~ 2026年4月30日 23:59";
    private static final String SECONDARY_LABEL = "受付期間：2026年6月1日 0:00 ~ 2026年6月30日 23:59";
    private static final String SUBMITTED = "申請済みです。";
    private static final String OUT_OF_WINDOW = "受付期間外です。";
    private static final String SECONDARY_UNAVAILABLE = "受付期間外、もしくは一次申請が未申請のため申請できません。";
    private static final String NOT_SPECIALIST = "専門医(失効者含む)でないため申請できません。";

    // ---- helpers ------------------------------------------------------------------------------

    private static Member member(SpecialistStatus status) {
        return new Member("10000002", "認定 次郎", "にんてい じろう", "jiro@example.jp", LocalDate.of(2020, 4, 1),
                Set.of(2026), true, 20, false, false, status);
    }

    private static ZonedDateTime jst(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(AppClock.JST);
    }

    private static ApplicationSummary app(int year, ApplicationKind kind, ApplicationStatus status) {
        Instant at = status == ApplicationStatus.SUBMITTED ? Instant.parse(year + "-04-10T01:00:00Z") : null;
        return new ApplicationSummary(year, kind, status, at);
    }

    private static MenuEntry entry(ApplicationKind kind, SpecialistStatus status, YearWindows windows,
                                   List<ApplicationSummary> apps, ZonedDateTime now) {
        List<MenuEntry> entries = Menu.entries(member(status), windows, apps, now);
        for (MenuEntry e : entries) if (e.kind() == kind) return e;
        throw new AssertionError("no menu entry for " + kind);
    }

    private static MenuEntry entry(ApplicationKind kind, List<ApplicationSummary> apps, ZonedDateTime now) {
        return entry(kind, SpecialistStatus.NONE, DEFAULTS, apps, now);
    }

    private static void assertEntry(MenuEntry e, MenuEntry.State state, String text) {
        assertEquals(state, e.state(), () -> e.kind() + " state; text was " + e.text());
        assertEquals(text, e.text(), () -> e.kind() + " text");
        assertEquals(state == MenuEntry.State.OPEN, e.usable(), () -> e.kind() + " usable()");
    }

    // ---- the texts --------------------------------------------------------------------------

    @Test
    void messagesAreTheManualsWording() {
        assertEquals(SUBMITTED, Messages.SUBMITTED);
        assertEquals(OUT_OF_WINDOW, Messages.OUT_OF_WINDOW);
        assertEquals(SECONDARY_UNAVAILABLE, Messages.SECONDARY_UNAVAILABLE);
        assertEquals(NOT_SPECIALIST, Messages.NOT_SPECIALIST);
    }

    @Test
    void entriesComeInTheManualsOrderWithItsLabels() {
        List<MenuEntry> entries = Menu.entries(member(SpecialistStatus.NONE), DEFAULTS, List.of(),
                jst("2026-04-15T12:00:00"));
        List<String> labels = new ArrayList<>();
        for (MenuEntry e : entries) labels.add(e.kind().label());
        assertEquals(List.of("専門医新規申請（一次申請）", "専門医新規申請（二次申請）", "専門医更新申請",
                "専門医移行申請（一次申請）", "専門医移行申請（二次申請）"), labels);
    }

    /** Manual p.3 (一次申請, April): a non-specialist with nothing filed yet. */
    @Test
    void aprilMenuOfANewApplicantIsTheManualsScreenshot() {
        List<MenuEntry> entries = Menu.entries(member(SpecialistStatus.NONE), DEFAULTS, List.of(),
                jst("2026-04-15T12:00:00"));
        List<String> texts = new ArrayList<>();
        for (MenuEntry e : entries) texts.add(e.text());
        assertEquals(List.of(PRIMARY_LABEL, SECONDARY_UNAVAILABLE, NOT_SPECIALIST, PRIMARY_LABEL, SECONDARY_UNAVAILABLE),
                texts);
    }

    /** Manual p.7 (二次申請, June): the primary is submitted. */
    @Test
    void juneMenuAfterThePrimaryIsTheManualsScreenshot() {
        List<MenuEntry> entries = Menu.entries(member(SpecialistStatus.NONE), DEFAULTS,
                List.of(app(YEAR, ApplicationKind.NEW_PRIMARY, ApplicationStatus.SUBMITTED)),
                jst("2026-06-10T09:30:00"));
        assertEntry(entries.get(0), MenuEntry.State.SUBMITTED, SUBMITTED);
        assertEntry(entries.get(1), MenuEntry.State.OPEN, SECONDARY_LABEL);
        assertEntry(entries.get(2), MenuEntry.State.NOT_ELIGIBLE, NOT_SPECIALIST);
    }

    @Test
    void everyEntryCarriesItsWindowLabel() {
        List<MenuEntry> entries = Menu.entries(member(SpecialistStatus.ACTIVE), DEFAULTS,
                List.of(app(YEAR, ApplicationKind.NEW_PRIMARY, ApplicationStatus.SUBMITTED)),
                jst("2026-12-01T00:00:00"));
        assertEquals(List.of(PRIMARY_LABEL, SECONDARY_LABEL, PRIMARY_LABEL, PRIMARY_LABEL, SECONDARY_LABEL),
                entries.stream().map(MenuEntry::windowLabel).toList());
    }

    // ---- primary ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1} JST -> {2}")
    @CsvSource({
            "NEW_PRIMARY,        2026-03-31T23:59:59,           CLOSED",
            "NEW_PRIMARY,        2026-03-31T23:59:59.999999999, CLOSED",
            "NEW_PRIMARY,        2026-04-01T00:00:00,           OPEN",
            "NEW_PRIMARY,        2026-04-15T12:00:00,           OPEN",
            "NEW_PRIMARY,        2026-04-30T23:59:59,           OPEN",
            "NEW_PRIMARY,        2026-04-30T23:59:59.999999999, OPEN",
            "NEW_PRIMARY,        2026-05-01T00:00:00,           CLOSED",
            "NEW_PRIMARY,        2026-01-01T00:00:00,           CLOSED",
            "TRANSITION_PRIMARY, 2026-03-31T23:59:59,           CLOSED",
            "TRANSITION_PRIMARY, 2026-04-01T00:00:00,           OPEN",
            "TRANSITION_PRIMARY, 2026-04-30T23:59:59,           OPEN",
            "TRANSITION_PRIMARY, 2026-05-01T00:00:00,           CLOSED",
    })
    void primaryWindowEdges(ApplicationKind kind, String at, MenuEntry.State expected) {
        MenuEntry e = entry(kind, List.of(), jst(at));
        assertEntry(e, expected, expected == MenuEntry.State.OPEN ? PRIMARY_LABEL : OUT_OF_WINDOW);
        assertEquals(PRIMARY_LABEL, e.windowLabel());
    }

    @ParameterizedTest(name = "{0} draft at {1} JST -> {2}")
    @CsvSource({
            "NEW_PRIMARY,        2026-04-20T10:00:00, OPEN",
            "NEW_PRIMARY,        2026-05-01T00:00:00, CLOSED",
            "TRANSITION_PRIMARY, 2026-04-20T10:00:00, OPEN",
    })
    void aDraftIsNotSubmitted(ApplicationKind kind, String at, MenuEntry.State expected) {
        MenuEntry e = entry(kind, List.of(app(YEAR, kind, ApplicationStatus.DRAFT)), jst(at));
        assertEntry(e, expected, expected == MenuEntry.State.OPEN ? PRIMARY_LABEL : OUT_OF_WINDOW);
    }

    @ParameterizedTest(name = "{0} submitted, at {1} JST -> 申請済みです。")
    @CsvSource({
            "NEW_PRIMARY,          2026-04-10T10:00:00",
            "NEW_PRIMARY,          2026-05-01T00:00:00",
            "NEW_PRIMARY,          2026-12-31T23:59:59",
            "NEW_SECONDARY,        2026-06-30T23:59:59",
            "NEW_SECONDARY,        2026-07-01T00:00:00",
            "TRANSITION_PRIMARY,   2026-06-15T10:00:00",
            "TRANSITION_SECONDARY, 2026-09-01T10:00:00",
            "RENEWAL,              2026-10-01T10:00:00",
    })
    void submittedShowsSubmittedEvenWhenTheWindowIsClosed(ApplicationKind kind, String at) {
        List<ApplicationSummary> apps = new ArrayList<>();
        apps.add(app(YEAR, kind, ApplicationStatus.SUBMITTED));
        if (kind.requiredPrimary() != null) apps.add(app(YEAR, kind.requiredPrimary(), ApplicationStatus.SUBMITTED));
        MenuEntry e = entry(kind, SpecialistStatus.ACTIVE, DEFAULTS, apps, jst(at));
        assertEntry(e, MenuEntry.State.SUBMITTED, SUBMITTED);
    }

    @Test
    void aPrimarySubmittedLastYearDoesNotMarkThisYearSubmitted() {
        MenuEntry e = entry(ApplicationKind.NEW_PRIMARY,
                List.of(app(YEAR - 1, ApplicationKind.NEW_PRIMARY, ApplicationStatus.SUBMITTED)),
                jst("2026-04-10T10:00:00"));
        assertEntry(e, MenuEntry.State.OPEN, PRIMARY_LABEL);
    }

    // ---- secondary ----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} with its primary submitted, {1} JST -> {2}")
    @CsvSource({
            "NEW_SECONDARY,        2026-05-31T23:59:59,           CLOSED",
            "NEW_SECONDARY,        2026-05-31T23:59:59.999999999, CLOSED",
            "NEW_SECONDARY,        2026-06-01T00:00:00,           OPEN",
            "NEW_SECONDARY,        2026-06-30T23:59:59,           OPEN",
            "NEW_SECONDARY,        2026-06-30T23:59:59.999999999, OPEN",
            "NEW_SECONDARY,        2026-07-01T00:00:00,           CLOSED",
            "NEW_SECONDARY,        2026-04-15T12:00:00,           CLOSED",
            "TRANSITION_SECONDARY, 2026-05-31T23:59:59,           CLOSED",
            "TRANSITION_SECONDARY, 2026-06-01T00:00:00,           OPEN",
            "TRANSITION_SECONDARY, 2026-06-30T23:59:59,           OPEN",
            "TRANSITION_SECONDARY, 2026-07-01T00:00:00,           CLOSED",
    })
    void secondaryWindowEdges(ApplicationKind kind, String at, MenuEntry.State expected) {
        MenuEntry e = entry(kind, List.of(app(YEAR, kind.requiredPrimary(), ApplicationStatus.SUBMITTED)), jst(at));
        assertEntry(e, expected, expected == MenuEntry.State.OPEN ? SECONDARY_LABEL : SECONDARY_UNAVAILABLE);
        assertEquals(SECONDARY_LABEL, e.windowLabel());
    }

    @ParameterizedTest(name = "{0} inside its window without a submitted primary")
    @EnumSource(value = ApplicationKind.class, names = {"NEW_SECONDARY", "TRANSITION_SECONDARY"})
    void secondaryNeedsThePrimarySubmitted(ApplicationKind kind) {
        ZonedDateTime june = jst("2026-06-10T10:00:00");
        ApplicationKind primary = kind.requiredPrimary();
        // nothing at all
        assertEntry(entry(kind, List.of(), june), MenuEntry.State.CLOSED, SECONDARY_UNAVAILABLE);
        // a draft does not count
        assertEntry(entry(kind, List.of(app(YEAR, primary, ApplicationStatus.DRAFT)), june),
                MenuEntry.State.CLOSED, SECONDARY_UNAVAILABLE);
        // a draft the window closed on (未提出) does not count
        assertEntry(entry(kind, List.of(app(YEAR, primary, ApplicationStatus.NOT_SUBMITTED)), june),
                MenuEntry.State.CLOSED, SECONDARY_UNAVAILABLE);
        // a submission of another year does not count
        assertEntry(entry(kind, List.of(app(YEAR - 1, primary, ApplicationStatus.SUBMITTED)), june),
                MenuEntry.State.CLOSED, SECONDARY_UNAVAILABLE);
        assertEntry(entry(kind, List.of(app(YEAR + 1, primary, ApplicationStatus.SUBMITTED)), june),
                MenuEntry.State.CLOSED, SECONDARY_UNAVAILABLE);
        // and with it, the line opens
        assertEntry(entry(kind, List.of(app(YEAR, primary, ApplicationStatus.SUBMITTED)), june),
                MenuEntry.State.OPEN, SECONDARY_LABEL);
    }

    @Test
    void newAndTransitionPrimariesDoNotUnlockEachOthersSecondary() {
        ZonedDateTime june = jst("2026-06-10T10:00:00");
        List<ApplicationSummary> newOnly = List.of(app(YEAR, ApplicationKind.NEW_PRIMARY, ApplicationStatus.SUBMITTED));
        assertEntry(entry(ApplicationKind.NEW_SECONDARY, newOnly, june), MenuEntry.State.OPEN, SECONDARY_LABEL);
        assertEntry(entry(ApplicationKind.TRANSITION_SECONDARY, newOnly, june),
                MenuEntry.State.CLOSED, SECONDARY_UNAVAILABLE);

        List<ApplicationSummary> transitionOnly =
                List.of(app(YEAR, ApplicationKind.TRANSITION_PRIMARY, ApplicationStatus.SUBMITTED));
        assertEntry(entry(ApplicationKind.TRANSITION_SECONDARY, transitionOnly, june),
                MenuEntry.State.OPEN, SECONDARY_LABEL);
        assertEntry(entry(ApplicationKind.NEW_SECONDARY, transitionOnly, june),
                MenuEntry.State.CLOSED, SECONDARY_UNAVAILABLE);
    }

    @Test
    void secondaryKindsStandOnTheirOwnPrimary() {
        assertEquals(ApplicationKind.NEW_PRIMARY, ApplicationKind.NEW_SECONDARY.requiredPrimary());
        assertEquals(ApplicationKind.TRANSITION_PRIMARY, ApplicationKind.TRANSITION_SECONDARY.requiredPrimary());
        assertNull(ApplicationKind.NEW_PRIMARY.requiredPrimary());
        assertNull(ApplicationKind.RENEWAL.requiredPrimary());
    }

    // ---- renewal ------------------------------------------------------------------------------

    /** A renewal window distinct from the others, so "its window" is really its own. */
    private static final YearWindows WITH_RENEWAL = new YearWindows(YEAR, DEFAULTS.primary(), DEFAULTS.secondary(),
            new ApplicationWindow(LocalDate.of(YEAR, 9, 1), LocalDate.of(YEAR, 9, 30)));
    private static final String RENEWAL_LABEL = "受付期間：2026年9月1日 0:00 ~ 2026年9月30日 23:59";

    @ParameterizedTest(name = "NONE at {0} JST -> NOT_ELIGIBLE")
    @CsvSource({"2026-04-15T12:00:00", "2026-09-15T12:00:00", "2026-12-01T00:00:00"})
    void renewalIsNotForNonSpecialists(String at) {
        MenuEntry e = entry(ApplicationKind.RENEWAL, SpecialistStatus.NONE, WITH_RENEWAL, List.of(), jst(at));
        assertEntry(e, MenuEntry.State.NOT_ELIGIBLE, NOT_SPECIALIST);
    }

    @ParameterizedTest(name = "{0} at {1} JST -> {2}")
    @CsvSource({
            "ACTIVE, 2026-08-31T23:59:59, CLOSED",
            "ACTIVE, 2026-09-01T00:00:00, OPEN",
            "ACTIVE, 2026-09-30T23:59:59, OPEN",
            "ACTIVE, 2026-10-01T00:00:00, CLOSED",
            "ACTIVE, 2026-04-15T12:00:00, CLOSED",
            "LAPSED, 2026-08-31T23:59:59, CLOSED",
            "LAPSED, 2026-09-01T00:00:00, OPEN",
            "LAPSED, 2026-09-30T23:59:59, OPEN",
            "LAPSED, 2026-10-01T00:00:00, CLOSED",
    })
    void renewalIsForSpecialistsIncludingLapsed(SpecialistStatus status, String at, MenuEntry.State expected) {
        MenuEntry e = entry(ApplicationKind.RENEWAL, status, WITH_RENEWAL, List.of(), jst(at));
        assertEntry(e, expected, expected == MenuEntry.State.OPEN ? RENEWAL_LABEL : OUT_OF_WINDOW);
        assertEquals(RENEWAL_LABEL, e.windowLabel());
    }

    @Test
    void renewalDefaultsToThePrimaryWindow() {
        assertEntry(entry(ApplicationKind.RENEWAL, SpecialistStatus.ACTIVE, DEFAULTS, List.of(),
                jst("2026-04-01T00:00:00")), MenuEntry.State.OPEN, PRIMARY_LABEL);
        assertEntry(entry(ApplicationKind.RENEWAL, SpecialistStatus.LAPSED, DEFAULTS, List.of(),
                jst("2026-05-01T00:00:00")), MenuEntry.State.CLOSED, OUT_OF_WINDOW);
    }

    // ---- time zone ----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} is judged in JST -> {1}")
    @CsvSource({
            "2026-03-31T14:59:59Z,      CLOSED",  // 3/31 23:59:59 JST
            "2026-03-31T15:00:00Z,      OPEN",    // 4/1 00:00:00 JST
            "2026-04-30T14:59:59Z,      OPEN",    // 4/30 23:59:59 JST
            "2026-04-30T15:00:00Z,      CLOSED",  // 5/1 00:00:00 JST
            "2026-04-01T00:00:00+09:00, OPEN",
            "2026-03-31T23:00:00-01:00, OPEN",    // 4/1 09:00 JST
    })
    void anInstantInAnotherZoneIsJudgedInJapanTime(String at, MenuEntry.State expected) {
        ZonedDateTime now = ZonedDateTime.parse(at);
        MenuEntry e = entry(ApplicationKind.NEW_PRIMARY, List.of(), now);
        assertEntry(e, expected, expected == MenuEntry.State.OPEN ? PRIMARY_LABEL : OUT_OF_WINDOW);
    }

    @Test
    void secondaryEdgesGivenInUtc() {
        List<ApplicationSummary> apps = List.of(app(YEAR, ApplicationKind.NEW_PRIMARY, ApplicationStatus.SUBMITTED));
        assertEquals(MenuEntry.State.CLOSED,
                entry(ApplicationKind.NEW_SECONDARY, apps, ZonedDateTime.parse("2026-05-31T14:59:59Z")).state());
        assertEquals(MenuEntry.State.OPEN,
                entry(ApplicationKind.NEW_SECONDARY, apps, ZonedDateTime.parse("2026-05-31T15:00:00Z")).state());
        assertEquals(MenuEntry.State.OPEN,
                entry(ApplicationKind.NEW_SECONDARY, apps, ZonedDateTime.parse("2026-06-30T14:59:59Z")).state());
        assertEquals(MenuEntry.State.CLOSED,
                entry(ApplicationKind.NEW_SECONDARY, apps, ZonedDateTime.parse("2026-06-30T15:00:00Z")).state());
    }

    @ParameterizedTest(name = "clock at {0} -> year {1}")
    @CsvSource({
            "2026-12-31T14:59:59Z, 2026",
            "2026-12-31T15:00:00Z, 2027",  // 2027-01-01 00:00 JST
            "2026-04-01T00:00:00Z, 2026",
    })
    void applicationYearIsTheJapaneseCalendarYear(String instant, int year) {
        Clock utc = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
        assertEquals(year, Menu.applicationYear(utc));
    }

    // ---- stored windows -----------------------------------------------------------------------

    private static final YearWindows STORED = new YearWindows(YEAR,
            new ApplicationWindow(LocalDate.of(YEAR, 4, 10), LocalDate.of(YEAR, 5, 10)),
            new ApplicationWindow(LocalDate.of(YEAR, 6, 15), LocalDate.of(YEAR, 7, 15)),
            new ApplicationWindow(LocalDate.of(YEAR, 10, 1), LocalDate.of(YEAR, 10, 31)));
    private static final String STORED_PRIMARY_LABEL = "受付期間：2026年4月10日 0:00 ~ 2026年5月10日 23:59";
    private static final String STORED_SECONDARY_LABEL = "受付期間：2026年6月15日 0:00 ~ 2026年7月15日 23:59";

    @ParameterizedTest(name = "primary at {0} JST -> {1}")
    @CsvSource({
            "2026-04-01T00:00:00, CLOSED",  // open by default, not by the stored window
            "2026-04-09T23:59:59, CLOSED",
            "2026-04-10T00:00:00, OPEN",
            "2026-05-05T12:00:00, OPEN",    // closed by default, open by the stored window
            "2026-05-10T23:59:59, OPEN",
            "2026-05-11T00:00:00, CLOSED",
    })
    void primaryFollowsTheStoredWindow(String at, MenuEntry.State expected) {
        MenuEntry e = entry(ApplicationKind.NEW_PRIMARY, SpecialistStatus.NONE, STORED, List.of(), jst(at));
        assertEntry(e, expected, expected == MenuEntry.State.OPEN ? STORED_PRIMARY_LABEL : OUT_OF_WINDOW);
        assertEquals(STORED_PRIMARY_LABEL, e.windowLabel());
    }

    @ParameterizedTest(name = "secondary at {0} JST -> {1}")
    @CsvSource({
            "2026-06-01T00:00:00, CLOSED",
            "2026-06-14T23:59:59, CLOSED",
            "2026-06-15T00:00:00, OPEN",
            "2026-07-15T23:59:59, OPEN",
            "2026-07-16T00:00:00, CLOSED",
    })
    void secondaryFollowsTheStoredWindow(String at, MenuEntry.State expected) {
        MenuEntry e = entry(ApplicationKind.NEW_SECONDARY, SpecialistStatus.NONE, STORED,
                List.of(app(YEAR, ApplicationKind.NEW_PRIMARY, ApplicationStatus.SUBMITTED)), jst(at));
        assertEntry(e, expected, expected == MenuEntry.State.OPEN ? STORED_SECONDARY_LABEL : SECONDARY_UNAVAILABLE);
    }

    @Test
    void renewalFollowsItsStoredWindow() {
        assertEntry(entry(ApplicationKind.RENEWAL, SpecialistStatus.ACTIVE, STORED, List.of(),
                jst("2026-04-15T00:00:00")), MenuEntry.State.CLOSED, OUT_OF_WINDOW);
        assertEntry(entry(ApplicationKind.RENEWAL, SpecialistStatus.ACTIVE, STORED, List.of(),
                jst("2026-10-01T00:00:00")), MenuEntry.State.OPEN,
                "受付期間：2026年10月1日 0:00 ~ 2026年10月31日 23:59");
    }

    @Test
    void submissionsAreCountedForTheWindowsYear() {
        YearWindows next = YearWindows.defaults(2027);
        ZonedDateTime june2027 = jst("2027-06-10T10:00:00");
        List<ApplicationSummary> only2026 =
                List.of(app(2026, ApplicationKind.NEW_PRIMARY, ApplicationStatus.SUBMITTED));
        MenuEntry primary = entry(ApplicationKind.NEW_PRIMARY, SpecialistStatus.NONE, next, only2026, june2027);
        assertEntry(primary, MenuEntry.State.CLOSED, OUT_OF_WINDOW);
        MenuEntry secondary = entry(ApplicationKind.NEW_SECONDARY, SpecialistStatus.NONE, next, only2026, june2027);
        assertEntry(secondary, MenuEntry.State.CLOSED, SECONDARY_UNAVAILABLE);
        assertEquals("受付期間：2027年6月1日 0:00 ~ 2027年6月30日 23:59", secondary.windowLabel());
    }

    @Test
    void onlyOpenIsUsable() {
        for (MenuEntry.State s : MenuEntry.State.values()) {
            MenuEntry e = new MenuEntry(ApplicationKind.NEW_PRIMARY, s, "x", PRIMARY_LABEL);
            assertEquals(s == MenuEntry.State.OPEN, e.usable(), s::name);
        }
    }
}
