package jp.nintei.functions.support;

import java.time.Clock;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoApplicationStore;
import jp.nintei.adapter.s3.S3DocumentStorage;
import jp.nintei.adapter.ses.SesMailer;
import jp.nintei.domain.AppClock;
import jp.nintei.platform.Settings;
import jp.nintei.service.DocumentService;
import jp.nintei.service.MailService;
import jp.nintei.service.PrimaryApplicationService;
import jp.nintei.service.WindowCache;
import jp.nintei.adapter.dynamo.DynamoDirectoryStore;
import jp.nintei.service.DirectoryCache;
import jp.nintei.service.SecondaryApplicationService;
import jp.nintei.port.SecondaryStore;
import jp.nintei.port.ApplicationStore;

/** The production wiring of the services, used by the handlers' no-arg constructors (once per container). */
public final class Components {
    private Components() {}

    public static DynamoApplicationStore applications() {
        return new DynamoApplicationStore(AwsClients.dynamoDb(), Settings.require(Settings.TABLE_NAME));
    }

    public static MailService mail(ApplicationStore store) {
        return new MailService(store, new SesMailer(AwsClients.ses(), Settings.require(Settings.SENDER_ADDRESS),
                Settings.find(Settings.SES_CONFIGURATION_SET).orElse(null)), AppClock.process());
    }

    public static WindowCache windows(ApplicationStore store) {
        return new WindowCache(store::windows, Clock.systemUTC());
    }

    public static DirectoryCache directory() {
        var store = new DynamoDirectoryStore(AwsClients.dynamoDb(), Settings.require(Settings.TABLE_NAME));
        return new DirectoryCache(store::loadAll, Clock.systemUTC());
    }

    public static SecondaryApplicationService secondary(DynamoApplicationStore store, DirectoryCache directory) {
        return new SecondaryApplicationService(store, store, mail(store), windows(store), directory, AppClock.process());
    }

    public static PrimaryApplicationService primary(ApplicationStore store) {
        return new PrimaryApplicationService(store, mail(store), windows(store), AppClock.process());
    }

    public static DocumentService documents(ApplicationStore store) {
        return new DocumentService(store, store instanceof SecondaryStore s ? s : null, new S3DocumentStorage(AwsClients.s3(), S3DocumentStorage.presigner(),
                Settings.require(Settings.DOCUMENTS_BUCKET)), windows(store), AppClock.process());
    }
}
