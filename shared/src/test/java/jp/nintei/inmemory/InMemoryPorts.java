package jp.nintei.inmemory;

import jp.nintei.service.ConfirmationMails;
import jp.nintei.service.DirectoryCache;
import jp.nintei.service.DocumentService;
import jp.nintei.service.MailService;
import jp.nintei.service.PrimaryApplicationService;
import jp.nintei.service.SecondaryApplicationService;
import jp.nintei.service.WindowCache;

/**
 * Every applicant-side port in memory over one {@link InMemoryTable}, and the services wired on them as the
 * functions wire them on DynamoDB, S3 and SES: a rule is tested in milliseconds, without the stand-ins.
 */
public final class InMemoryPorts {
    public final MovableClock clock;
    public final InMemoryTable table = new InMemoryTable();
    public final InMemoryApplicationStore applications = new InMemoryApplicationStore(table);
    public final InMemorySecondaryStore secondaries = new InMemorySecondaryStore(table);
    public final InMemorySeasonStore season = new InMemorySeasonStore(table);
    public final InMemoryMemberStore members = new InMemoryMemberStore(table);
    public final InMemoryDirectoryStore directory = new InMemoryDirectoryStore();
    public final InMemoryDocumentStorage documents;
    public final InMemoryMailer mailer = new InMemoryMailer();

    public InMemoryPorts(MovableClock clock) {
        this.clock = clock;
        this.documents = new InMemoryDocumentStorage(clock);
    }

    /** The windows cache on the same clock (a change of dates shows within its minute, as in a container). */
    public WindowCache windowCache() { return new WindowCache(applications::windows, clock); }

    public MailService mailService() { return new MailService(applications, mailer, clock); }

    public ConfirmationMails confirmationMails() {
        return new ConfirmationMails(applications, secondaries, new DirectoryCache(directory::loadAll, clock));
    }

    public PrimaryApplicationService primaryService() {
        return new PrimaryApplicationService(applications, mailService(), windowCache(), clock);
    }

    public SecondaryApplicationService secondaryService() {
        return new SecondaryApplicationService(secondaries, applications, mailService(), windowCache(),
                new DirectoryCache(directory::loadAll, clock), clock);
    }

    public DocumentService documentService() {
        return new DocumentService(applications, secondaries, documents, windowCache(), clock);
    }
}
