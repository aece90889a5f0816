package jp.nintei.adapter.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.CaseActionStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link CaseActionStore} on the single table: conditional, retry-safe updates of one application item. */
public final class DynamoCaseActionStore implements CaseActionStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCaseActionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private ConditionalUpdate update(ApplicationKey key) { return new ConditionalUpdate(table, Keys.applicationItem(key)); }

    @Override
    public void extend(ApplicationKey key, LocalDate until, String note, String actor, Instant at) {
        // a draft the close marked 未提出 becomes a draft again: the extension is for finishing it
        DynamoSeasonStore.draftAgain(table, key, at).runIfAllowed(dynamo); // refused: a draft, a submission, or no item yet
        // the extension may come before the applicant's first save: the item then starts as a listed draft
        update(key).set("#e", MemberMapper.EXTENDED_UNTIL, until.toString())
                .appendHistory(at, "EXTENDED", actor, note + "（" + until + "まで）")
                .setIfAbsent("#k", "kind", AttributeValue.fromS(key.kind().name()))
                .setIfAbsent("#y", "year", AttributeValue.fromN(Integer.toString(key.year())))
                .setIfAbsent("#m", MemberMapper.MEMBER_NO, AttributeValue.fromS(key.memberNo()))
                .setIfAbsent("#s", "status", AttributeValue.fromS(ApplicationStatus.DRAFT.name()))
                .setIfAbsent("#g1pk", Keys.GSI1PK, AttributeValue.fromS(Keys.applicationList(key.year(), key.kind())))
                .setIfAbsent("#g1sk", Keys.GSI1SK, AttributeValue.fromS(Keys.applicationListSort(ApplicationStatus.DRAFT, at, key.memberNo())))
                .run(dynamo);
    }

    @Override
    public boolean reopen(ApplicationKey key, LocalDate until, String reason, String actor, Instant at) {
        return update(key).set("#s", "status", ApplicationStatus.DRAFT.name())
                .set("#g1sk", Keys.GSI1SK, Keys.applicationListSort(ApplicationStatus.DRAFT, at, key.memberNo()))
                .set("#e", MemberMapper.EXTENDED_UNTIL, until.toString())
                .increment("#v", "version")
                .appendHistory(at, "REOPENED", actor, reason)
                .remove("#g2pk", Keys.GSI2PK).remove("#g2sk", Keys.GSI2SK) // out of the mail retry queue
                .when("#s = :submitted").value(":submitted", ApplicationStatus.SUBMITTED.name())
                .runIfAllowed(dynamo);
    }

    @Override
    public boolean confirm(ApplicationKey key, String what, String note, String actor, Instant at) {
        return update(key).set("#c", "confirmed" + what, at + " " + actor + (note == null || note.isBlank() ? "" : "：" + note))
                .appendHistory(at, "CONFIRMED_" + what.toUpperCase(java.util.Locale.ROOT), actor, note)
                .when("attribute_exists(PK)")
                .runIfAllowed(dynamo);
    }

    @Override
    public boolean markMailPending(ApplicationKey key, Instant at) {
        return update(key).set("#ms", "mailState", MailStatus.State.PENDING.name())
                .set("#g2pk", Keys.GSI2PK, Keys.MAIL_PENDING)
                .set("#g2sk", Keys.GSI2SK, Keys.pendingMailSort(at, key.memberNo(), key.year(), key.kind()))
                .set("#ma", "mailAttempts", AttributeValue.fromN("0"))
                .when("#s = :submitted AND attribute_exists(#mid)").name("#s", "status").name("#mid", "mailId")
                .value(":submitted", ApplicationStatus.SUBMITTED.name())
                .runIfAllowed(dynamo);
    }
}
