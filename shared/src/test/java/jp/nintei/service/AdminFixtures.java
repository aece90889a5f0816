package jp.nintei.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Member;
import jp.nintei.domain.SpecialistStatus;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.DocumentPurpose;
import jp.nintei.domain.application.FileType;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.domain.application.PrimaryApplication;
import jp.nintei.port.Mailer;

/** Members, applications and a mailer for the secretariat's service tests on the in-memory ports. */
final class AdminFixtures {
    private AdminFixtures() {}

    static final int YEAR = 2026;

    /** The web page's address as a deployment with a custom domain has it: the mails name it. */
    static final jp.nintei.domain.Site SITE = new jp.nintei.domain.Site("https://nintei.example.org/");

    static Clock at(String jst) { return AppClock.fixed(LocalDateTime.parse(jst).atZone(AppClock.JST)); }

    static Member member(String no, String email) {
        return new Member(no, "会員 " + no, "かいいん", email, LocalDate.of(2010, 4, 1), Set.of(YEAR - 1, YEAR), true, 20, false, false,
                SpecialistStatus.NONE);
    }

    static PrimaryApplication submitted(String no, Instant at, MailStatus.State mail) {
        Document receipt = new Document("d1", DocumentPurpose.FEE_RECEIPT, "振込控え.pdf", 1234, FileType.PDF, "abc123",
                Document.Status.REGISTERED, at, 1);
        return new PrimaryApplication(no, YEAR, ApplicationKind.NEW_PRIMARY, ApplicationStatus.SUBMITTED, 3, List.of("13", "27"),
                List.of(receipt), at, "P-" + no, new MailStatus("m-" + no, mail, 1, at));
    }

    /** A submission the secretariat sent back (差し戻し): a draft again, with what it had when submitted. */
    static PrimaryApplication returned(String no, Instant at, MailStatus.State mail) {
        PrimaryApplication s = submitted(no, at, mail);
        return new PrimaryApplication(no, YEAR, s.kind(), ApplicationStatus.DRAFT, s.version() + 1, s.preferences(), s.documents(),
                s.submittedAt(), s.receiptNo(), s.mail());
    }

    static PrimaryApplication draft(String no) {
        return new PrimaryApplication(no, YEAR, ApplicationKind.NEW_PRIMARY, ApplicationStatus.DRAFT, 1, List.of("13"), null, null, null,
                null);
    }

    /** Keeps every mail; refuses all of them once {@link #refuse()} is called (as SES does when it is down). */
    static final class RecordingMailer implements Mailer {
        final List<Mail> sent = new ArrayList<>();
        private boolean refusing;

        RecordingMailer refuse() {
            refusing = true;
            return this;
        }

        @Override
        public void send(Mail mail) {
            if (refusing) throw new NotSent("refused", null);
            sent.add(mail);
        }
    }
}
