package jp.nintei.adapter.ses;

import jp.nintei.port.Mailer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;

/** {@link Mailer} through SES v2, with the configuration set and the stable mail id as a header. */
public final class SesMailer implements Mailer {
    private final SesV2Client ses;
    private final String from;
    private final String configurationSet;

    public SesMailer(SesV2Client ses, String from, String configurationSet) {
        this.ses = ses;
        this.from = from;
        this.configurationSet = configurationSet;
    }

    @Override
    public void send(Mail mail) {
        try {
            ses.sendEmail(b -> {
                b.fromEmailAddress(from).destination(d -> d.toAddresses(mail.to()))
                        .content(c -> c.simple(m -> m
                                .subject(s -> s.data(mail.subject()).charset("UTF-8"))
                                .body(body -> body.text(t -> t.data(mail.body()).charset("UTF-8")))
                                .headers(MessageHeader.builder().name("X-Nintei-Mail-Id").value(mail.id()).build())));
                if (configurationSet != null) b.configurationSetName(configurationSet);
            });
        } catch (SdkException e) {
            throw new NotSent(e.getClass().getSimpleName(), e);
        }
    }
}
