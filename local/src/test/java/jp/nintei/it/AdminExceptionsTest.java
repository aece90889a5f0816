package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.nintei.adapter.http.Json;
import jp.nintei.domain.Messages;
import jp.nintei.local.DemoData;
import jp.nintei.local.LocalSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;

/** Windows and exceptions: one applicant's extension, reopening a submission for correction, follow-ups, resend. */
@LocalStack
class AdminExceptionsTest {
    private final LocalSystem system;
    private final int year;
    private final String staff;

    AdminExceptionsTest(LocalSystem system) {
        this.system = system;
        this.year = system.demo().year();
        this.staff = "Bearer " + Http.idToken(system.gateway().url(), DemoData.SECRETARIAT_NO, DemoData.PASSWORD);
    }

    @RegisterExtension
    final LocalClock clock = new LocalClock();

    private void at(String jst) { clock.at(year + "-" + jst); }

    private Http.Response action(String memberNo, String action, ObjectNode body) {
        return Http.send("POST", system.gateway().url() + "/api/admin/applications/new-primary/" + memberNo + "/" + action,
                staff, Json.write(body.put("year", Integer.toString(year))));
    }

    @Test
    void anExtendedApplicantMayStillApplyAndNobodyElse() {
        Applicant late = new Applicant(system, TestMembers.create(system, false));
        Applicant other = new Applicant(system, TestMembers.create(system, false));
        at("05-03T10:00");
        Http.Response closed = late.save(0, "13", "14", "11");
        assertEquals(403, closed.status());
        assertEquals(Messages.WINDOW_CLOSED, closed.json().get("message").asString());

        assertEquals(400, action(late.member.memberNo(), "extension", Json.object().put("until", year + "-05-07")).status(),
                "a reason is required");
        for (String notAfterClose : new String[] {year + "-04-30", year + "-04-20"}) {
            Http.Response early = action(late.member.memberNo(), "extension", Json.object().put("until", notAfterClose).put("reason", "x"));
            assertEquals(400, early.status(), "an extension not after the close (4月30日) changes nothing: " + notAfterClose);
            assertEquals("until", early.json().get("field").asString());
            assertEquals("延長後の期限は受付期間の終了日（" + year + "年4月30日）より後の日付を入力してください。", early.json().get("message").asString());
        }
        Http.Response extended = action(late.member.memberNo(), "extension",
                Json.object().put("until", year + "年5月7日").put("reason", "入院中のため（本人より電話）"));
        assertEquals(200, extended.status(), extended.body());

        assertEquals(200, late.save(0, "13", "14", "11").status());
        assertTrue(Http.get(late.gateway + "/api/me", late.token).json().at("/menu/0/usable").asBoolean());
        assertEquals(403, other.save(0, "13", "14", "11").status());
        assertEquals(Messages.OUT_OF_WINDOW, Http.get(other.gateway + "/api/me", other.token).json().at("/menu/0/text").asString());

        at("05-07T23:59:59");
        late.upload("振込控え.pdf", "application/pdf", Samples.pdf());
        at("05-08T00:00:00");
        assertEquals(403, late.save(late.read().get("version").asLong(), "01", "02", "03").status(), "the extension ends at 23:59:59");

        String audit = Http.get(system.gateway().url() + "/api/admin/audit?memberNo=" + late.member.memberNo(), staff).body();
        assertTrue(audit.contains("DEADLINE_EXTENDED") && audit.contains("入院中のため（本人より電話）"),
                "the reason as typed, full-width parentheses kept: " + audit);
    }

    @Test
    void aReopenedSubmissionIsCorrectedAndSubmittedAgainWithTheReasonMailed() {
        at("04-20T10:00");
        Applicant a = new Applicant(system, TestMembers.create(system, false));
        a.save(0, "13", "14", "11");
        a.upload("振込控え.pdf", "application/pdf", Samples.pdf());
        assertEquals(200, a.submit(a.read().get("version").asLong()).status());
        assertEquals(404, action(a.member.memberNo() + "0", "reopen", Json.object().put("until", year + "-05-10")
                .put("reason", "x")).status(), "no such member");

        at("05-02T09:00");
        Http.Response reopened = action(a.member.memberNo(), "reopen", Json.object().put("until", year + "-05-10")
                .put("reason", "第一希望と第二希望が同じ地域です。第二希望を変更してください。"));
        assertEquals(200, reopened.status(), reopened.body());
        assertTrue(SesStore.mailsTo(system, a.member.email()).stream().anyMatch(m -> m.toString().contains("第二希望を変更してください")));
        assertEquals("DRAFT", a.read().get("status").asString());
        Http.Response twice = action(a.member.memberNo(), "reopen", Json.object().put("until", year + "-05-10").put("reason", "x"));
        assertEquals(409, twice.status(), "only a submitted application can be reopened");
        assertEquals(200, a.save(a.read().get("version").asLong(), "13", "27", "11").status());
        Http.Response again = a.submit(a.read().get("version").asLong());
        assertEquals(200, again.status(), again.body());
        assertTrue(again.json().get("mailSent").asBoolean());
        assertEquals(2, SesStore.mailsTo(system, a.member.email()).stream().filter(m -> m.toString().contains("を受け付けました")).count(),
                "the corrected submission is confirmed by a mail of its own");

        Http.Response resend = action(a.member.memberNo(), "resend-mail", Json.object());
        assertEquals(200, resend.status(), resend.body());
        assertTrue(resend.json().get("mailSent").asBoolean());
        assertEquals(3, SesStore.mailsTo(system, a.member.email()).stream().filter(m -> m.toString().contains("を受け付けました")).count());
    }

    @Test
    void followUpsAreConfirmedWithANote() {
        at("04-20T10:00");
        Applicant a = new Applicant(system, TestMembers.create(system, false));
        a.save(0, "13", "14", "11");
        a.upload("振込控え.pdf", "application/pdf", Samples.pdf());
        a.submit(a.read().get("version").asLong());
        Http.Response confirmed = action(a.member.memberNo(), "confirm", Json.object().put("what", "dues").put("note", "4/25 入金確認"));
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals(400, action(a.member.memberNo(), "confirm", Json.object().put("what", "other")).status());
        Http.Response list = Http.get(system.gateway().url() + "/api/admin/applications?year=" + year + "&application=new-primary&status=SUBMITTED", staff);
        assertTrue(list.json().get("rows").valueStream().anyMatch(r -> r.get("memberNo").asString().equals(a.member.memberNo())
                && r.get("confirmedDues").asString().contains("4/25 入金確認")), list.body());
        assertEquals(200, Http.get(system.gateway().url() + "/api/admin/followups?year=" + year + "&application=new-secondary", staff).status());
        // the applicant's submission and the secretariat's confirmation are both in the member's audit trail
        String audit = Http.get(system.gateway().url() + "/api/admin/audit?memberNo=" + a.member.memberNo(), staff).body();
        assertTrue(audit.contains("\"action\":\"SUBMITTED\"") && audit.contains("P" + year + "-" + a.member.memberNo())
                && audit.contains("CONFIRMED_DUES"), audit);
    }
}
