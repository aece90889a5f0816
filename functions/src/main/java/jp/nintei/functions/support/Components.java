package jp.nintei.functions.support;

import java.time.Clock;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoApplicationStore;
import jp.nintei.adapter.dynamo.DynamoDirectoryStore;
import jp.nintei.adapter.s3.S3DocumentStorage;
import jp.nintei.adapter.s3.S3ExportFiles;
import jp.nintei.adapter.ses.SesMailer;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.Site;
import jp.nintei.platform.Settings;
import jp.nintei.port.ApplicationStore;
import jp.nintei.port.Mailer;
import jp.nintei.port.SecondaryStore;
import jp.nintei.service.DirectoryCache;
import jp.nintei.service.DocumentService;
import jp.nintei.service.MailService;
import jp.nintei.service.PrimaryApplicationService;
import jp.nintei.service.SecondaryApplicationService;
import jp.nintei.service.WindowCache;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The production wiring of the services, used by the handlers' no-arg constructors. Each SDK client (and the S3
 * presigner) is built once per container, on first use: the holder classes below are initialised by the JVM when a
 * handler first asks, so a function that never mails builds no SES client, and every store, mailer and storage of the
 * container shares the one client of its service. The JSON mapper is {@code Json.MAPPER}, likewise one per container.
 */
public final class Components {
    private Components() {}

    private static final class Dynamo { static final DynamoDbClient CLIENT = AwsClients.dynamoDb(); }

    private static final class S3 {
        static final S3Client CLIENT = AwsClients.s3();
        static final S3Presigner PRESIGNER = S3DocumentStorage.presigner();
    }

    private static final class Ses { static final SesV2Client CLIENT = AwsClients.ses(); }

    private static final class Cognito { static final CognitoIdentityProviderClient CLIENT = AwsClients.cognito(); }

    /** The container's DynamoDB client. */
    public static DynamoDbClient dynamoDb() { return Dynamo.CLIENT; }

    /** The container's S3 client. */
    public static S3Client s3() { return S3.CLIENT; }

    /** The container's S3 presigner (documents and export links). */
    public static S3Presigner presigner() { return S3.PRESIGNER; }

    /** The container's SES client. */
    public static SesV2Client ses() { return Ses.CLIENT; }

    /** The container's Cognito client. */
    public static CognitoIdentityProviderClient cognito() { return Cognito.CLIENT; }

    /** The web page's address the mails name (template.yaml SITE_URL; unknown without a custom domain). */
    public static Site site() { return new Site(Settings.find(Settings.SITE_URL).orElse("")); }

    /** The one DynamoDB table. */
    public static String table() { return Settings.require(Settings.TABLE_NAME); }

    public static DynamoApplicationStore applications() {
        return new DynamoApplicationStore(dynamoDb(), table());
    }

    /** The mailer of a handler, on the container's SES client: a handler builds one and hands it to every service. */
    public static Mailer mailer() {
        return new SesMailer(ses(), Settings.require(Settings.SENDER_ADDRESS), Settings.find(Settings.SES_CONFIGURATION_SET).orElse(null));
    }

    /** The documents bucket on the container's S3 client and presigner. */
    public static S3DocumentStorage documentStorage() {
        return new S3DocumentStorage(s3(), presigner(), Settings.require(Settings.DOCUMENTS_BUCKET));
    }

    /** The secretariat's export files, in the documents bucket, on the container's S3 client and presigner. */
    public static S3ExportFiles exportFiles() {
        return new S3ExportFiles(s3(), presigner(), Settings.require(Settings.DOCUMENTS_BUCKET));
    }

    public static MailService mail(ApplicationStore store) { return mail(store, mailer()); }

    public static MailService mail(ApplicationStore store, Mailer mailer) {
        return new MailService(store, mailer, AppClock.process());
    }

    public static WindowCache windows(ApplicationStore store) {
        return new WindowCache(store::windows, Clock.systemUTC());
    }

    public static DirectoryCache directory() {
        var store = new DynamoDirectoryStore(dynamoDb(), table());
        return new DirectoryCache(store::loadAll, Clock.systemUTC());
    }

    public static SecondaryApplicationService secondary(DynamoApplicationStore store, DirectoryCache directory) {
        return new SecondaryApplicationService(store, store, mail(store), windows(store), directory, AppClock.process());
    }

    public static PrimaryApplicationService primary(ApplicationStore store) {
        return new PrimaryApplicationService(store, mail(store), windows(store), AppClock.process());
    }

    /** The members' sign-in accounts, as the accounts schedule and the secretariat's account routes both use them. */
    public static jp.nintei.service.MemberAccountService memberAccounts() {
        var dynamo = dynamoDb();
        String table = table();
        return new jp.nintei.service.MemberAccountService(new jp.nintei.adapter.dynamo.DynamoAccountStore(dynamo, table),
                new jp.nintei.adapter.dynamo.DynamoApplicationLists(dynamo, table), new jp.nintei.adapter.dynamo.DynamoAuditLog(dynamo, table),
                new jp.nintei.adapter.cognito.CognitoMemberAccounts(cognito(), Settings.require(Settings.USER_POOL_ID)), mailer(),
                site(), Clock.systemUTC());
    }

    public static DocumentService documents(ApplicationStore store) {
        return new DocumentService(store, store instanceof SecondaryStore s ? s : null, documentStorage(), windows(store), AppClock.process());
    }
}
