package jp.nintei.adapter.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.secondary.Achievement;
import jp.nintei.domain.secondary.IdentityDocuments;
import jp.nintei.domain.secondary.JulyProjection;
import jp.nintei.domain.secondary.Resume;
import jp.nintei.domain.secondary.TrainingRef;
import org.junit.jupiter.api.Test;

/**
 * The 二次申請 sections as stored: the exact text items hold today, so that a change to the API's JSON can never
 * change what is stored, and every existing item still reads.
 */
class SecondaryItemJsonTest {
    private static final String RESUME = "{\"education\":[{\"date\":\"2010-04-01\",\"text\":\"○○大学医学部 入学\"}],"
            + "\"career\":[],\"qualifications\":[{\"date\":\"2016-05-01\",\"text\":\"医師免許\"}],\"experienceYears\":5}";
    private static final String TRAINING = "[{\"category\":\"A\",\"facilityNo\":\"F001\",\"facilityFrom\":\"2015-04-01\","
            + "\"facilityType\":\"認定研修施設\",\"from\":\"2019-04\",\"to\":\"2021-03\",\"supervisorNo\":\"S001\","
            + "\"supervisorFrom\":\"2014-04-01\",\"qualification\":\"指導医\",\"certificateId\":\"doc-1\"}]";
    private static final String ACHIEVEMENTS = "[{\"kind\":\"CASE_REPORT\",\"title\":\"症例\",\"authors\":\"山田\",\"venue\":\"誌\","
            + "\"date\":\"2022-01\",\"status\":null,\"copyId\":\"doc-2\"}]";
    private static final String IDENTITY = "{\"licenseId\":\"doc-3\",\"courseId\":null,\"photoId\":\"doc-4\"}";
    private static final String JULY = "{\"experience\":true,\"training\":false,\"achievements\":true,\"course\":false}";

    @Test
    void eachSectionIsWrittenAsItHasAlwaysBeenStored() {
        Resume resume = new Resume(List.of(new Resume.Row("2010-04-01", "○○大学医学部 入学")), List.of(),
                List.of(new Resume.Row("2016-05-01", "医師免許")), 5);
        TrainingRef training = new TrainingRef("A", "F001", LocalDate.of(2015, 4, 1), "認定研修施設", YearMonth.of(2019, 4),
                YearMonth.of(2021, 3), "S001", LocalDate.of(2014, 4, 1), "指導医", "doc-1");
        Achievement achievement = new Achievement(Achievement.Kind.CASE_REPORT, "症例", "山田", "誌", "2022-01", null, "doc-2");
        assertEquals(RESUME, Json.write(SecondaryItemJson.resume(resume)));
        assertEquals(TRAINING, Json.write(SecondaryItemJson.training(List.of(training))));
        assertEquals(ACHIEVEMENTS, Json.write(SecondaryItemJson.achievements(List.of(achievement))));
        assertEquals(IDENTITY, Json.write(SecondaryItemJson.identity(new IdentityDocuments("doc-3", null, "doc-4"))));
        assertEquals(JULY, Json.write(SecondaryItemJson.july(new JulyProjection(true, false, true, false))));
    }

    @Test
    void whatIsStoredReadsBackUnchanged() {
        for (String stored : List.of(RESUME)) {
            assertEquals(stored, Json.write(SecondaryItemJson.resume(SecondaryItemJson.resume(SecondaryItemJson.parse("s1Resume", stored)))));
        }
        assertEquals(TRAINING, Json.write(SecondaryItemJson.training(
                SecondaryItemJson.training("s2Training", SecondaryItemJson.parse("s2Training", TRAINING)))));
        assertEquals(ACHIEVEMENTS, Json.write(SecondaryItemJson.achievements(
                SecondaryItemJson.achievements(SecondaryItemJson.parse("s3Achievements", ACHIEVEMENTS)))));
        assertEquals(IDENTITY, Json.write(SecondaryItemJson.identity(SecondaryItemJson.identity(SecondaryItemJson.parse("s4Identity", IDENTITY)))));
        assertEquals(JULY, Json.write(SecondaryItemJson.july(SecondaryItemJson.july(SecondaryItemJson.parse("july", JULY)))));
        // an attribute an older item does not have reads as empty
        assertEquals(List.of(), SecondaryItemJson.training("s2Training", SecondaryItemJson.parse("s2Training", null)));
    }

    @Test
    void aStoredValueThatCannotBeReadIsOurFaultNotTheClients() {
        var notJson = assertThrows(StoredJson.Unreadable.class, () -> SecondaryItemJson.parse("s1Resume", "{broken"));
        assertEquals("stored attribute s1Resume cannot be read", notJson.getMessage());
        var badMonth = assertThrows(StoredJson.Unreadable.class,
                () -> SecondaryItemJson.training("s2Training", Json.parse("[{\"from\":\"April\"}]")));
        assertEquals("stored attribute s2Training cannot be read", badMonth.getMessage());
    }
}
