package jp.nintei.service;

import java.util.Optional;
import java.util.function.Supplier;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.application.ConfirmationMail;
import jp.nintei.domain.directory.Directory;
import jp.nintei.domain.secondary.SecondaryMail;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.ApplicationStore;
import jp.nintei.port.Mailer;
import jp.nintei.port.SecondaryStore;

/** Composes the confirmation mail of any application from its stored state (for the sender and the retry). */
public final class ConfirmationMails {
    private final ApplicationStore applications;
    private final SecondaryStore secondaries;
    private final Supplier<Directory> directory;

    public ConfirmationMails(ApplicationStore applications, SecondaryStore secondaries, Supplier<Directory> directory) {
        this.applications = applications;
        this.secondaries = secondaries;
        this.directory = directory;
    }

    public static MailService.Outgoing primary(ApplicationStore.Snapshot s) {
        var app = s.application();
        ConfirmationMail.Content c = ConfirmationMail.primary(s.member(), app, s.windows());
        return new MailService.Outgoing(new ApplicationKey(app.memberNo(), app.year(), app.kind()), app.mail(),
                new Mailer.Mail(app.mail() == null ? null : app.mail().id(), s.member().email(), c.subject(), c.body()));
    }

    public static MailService.Outgoing secondary(SecondaryStore.Snapshot s, Directory directory) {
        var app = s.application();
        ConfirmationMail.Content c = SecondaryMail.compose(s.member(), app, directory);
        return new MailService.Outgoing(new ApplicationKey(app.memberNo(), app.year(), app.kind()), app.mail(),
                new Mailer.Mail(app.mail() == null ? null : app.mail().id(), s.member().email(), c.subject(), c.body()));
    }

    public Optional<MailService.Outgoing> forKey(ApplicationKey key) {
        if (key.kind().stage() == ApplicationKind.Stage.SECONDARY) {
            return secondaries.loadSecondary(key).map(s -> secondary(s, directory.get()));
        }
        return applications.load(key).map(ConfirmationMails::primary);
    }
}
