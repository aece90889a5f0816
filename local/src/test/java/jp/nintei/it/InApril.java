package jp.nintei.it;

import jp.nintei.local.LocalSystem;

/**
 * 20 April of the demo year (JST) as a {@code PER_CLASS} test's day: the 一次申請 window open, ten days before it
 * closes. Called from the test's constructor (or a {@code @BeforeAll}), the time is the class's own: each test starts
 * from it and the real clock returns after the class (see {@link LocalClock}).
 */
final class InApril {
    private InApril() {}

    /** 09:00, applicants at work (a test that moves on with {@link LocalClock#at} may come back with this). */
    static void applicantsDay(LocalSystem system, LocalClock clock) { clock.at(system.demo().year() + "-04-20T09:00"); }

    /** 10:00, the secretariat at work: signs it in then and returns its bearer token. */
    static String secretariatSignedIn(LocalSystem system, LocalClock clock) {
        clock.at(system.demo().year() + "-04-20T10:00");
        return Secretariat.bearer(system);
    }
}
