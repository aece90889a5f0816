package jp.nintei.functions.secondary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import jp.nintei.adapter.http.HttpStatus;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.Rejection;
import jp.nintei.service.SecondaryApplicationService.Section;
import org.junit.jupiter.api.Test;

/** A section's 登録 body read into the service's values at the edge, refusals as before (code, field, status). */
class SectionRequestTest {
    private static Rejection refused(String section, String body) {
        return assertThrows(Rejection.class, () -> SectionRequest.read(section, Json.parseObject(body)));
    }

    @Test
    void typedMonthsAreNormalisedAndTheYearsChecked() {
        var t = (Section.TrainingSection) SectionRequest.read("training",
                Json.parseObject("{\"entries\":[{\"from\":\"２０１９年４月\",\"to\":\"2021/3\",\"facilityNo\":\" \"}]}"));
        assertEquals(YearMonth.of(2019, 4), t.entries().get(0).from());
        assertEquals(YearMonth.of(2021, 3), t.entries().get(0).to());
        assertEquals(null, t.entries().get(0).facilityNo(), "a blank reads as not typed");
        var r = (Section.ResumeSection) SectionRequest.read("resume",
                Json.parseObject("{\"education\":[],\"career\":[],\"qualifications\":[],\"experienceYears\":\"５年\"}"));
        assertEquals(5, r.resume().experienceYears());
        var bad = (Section.ResumeSection) SectionRequest.read("resume",
                Json.parseObject("{\"education\":[],\"career\":[],\"qualifications\":[],\"experienceYears\":2.5}"));
        assertTrue(bad.yearsUnreadable());
    }

    @Test
    void aBodyOfTheWrongShapeOrAnUnknownSectionIsRefused() {
        Rejection month = refused("training", "{\"entries\":[{\"from\":\"April\"}]}");
        assertEquals("BAD_MONTH", month.code());
        assertEquals("entries[0].from", month.field());
        assertEquals(400, HttpStatus.of(month.kind()));
        Rejection shape = refused("achievements", "{\"items\":\"none\"}");
        assertEquals("BAD_SHAPE", shape.code());
        assertEquals("items", shape.field());
        Rejection unknown = refused("photos", "{}");
        assertEquals("SECTION_UNKNOWN", unknown.code());
        assertEquals(404, HttpStatus.of(unknown.kind()));
    }
}
