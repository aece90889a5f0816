package jp.nintei.adapter.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.review.Correction;
import jp.nintei.domain.review.Review;
import jp.nintei.domain.review.ReviewSection;
import jp.nintei.domain.review.ReviewState;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The review attributes of an application item, mapped by hand: {@code reviewState}, {@code reviewVersion}, {@code review} (JSON). */
public final class ReviewMapper {
    static final String STATE = "reviewState";
    static final String VERSION = "reviewVersion";
    static final String REVIEW = "review";
    /** String set of the section slugs a 差し戻し reopened; the applicant's writes are conditioned on it. */
    public static final String OPEN_SECTIONS = "openSections";

    private ReviewMapper() {}

    public static Review review(Map<String, AttributeValue> item) {
        if (item == null || !item.containsKey(VERSION)) return Review.NONE;
        String json = Attr.s(item, REVIEW);
        JsonNode o = json == null ? Json.object() : StoredJson.parse(REVIEW, json);
        Map<ReviewSection, Review.Mark> marks = new EnumMap<>(ReviewSection.class);
        JsonNode m = o.path("marks");
        for (ReviewSection s : ReviewSection.values()) {
            JsonNode x = m.get(s.slug());
            if (x != null && x.isObject()) {
                marks.put(s, new Review.Mark(s, x.path("deficient").asBoolean(), Json.text(x, "note"), Json.text(x, "by"),
                        Instant.parse(Json.text(x, "at"))));
            }
        }
        Review.ReturnRequest request = null;
        JsonNode r = o.get("request");
        if (r != null && r.isObject()) {
            List<Review.Item> items = new ArrayList<>();
            for (JsonNode i : r.path("items")) {
                ReviewSection s = ReviewSection.fromSlug(Json.text(i, "section"));
                if (s != null) items.add(new Review.Item(s, Json.text(i, "note")));
            }
            Map<ReviewSection, List<String>> before = new EnumMap<>(ReviewSection.class);
            JsonNode b = r.path("before");
            for (ReviewSection s : ReviewSection.values()) {
                JsonNode lines = b.get(s.slug());
                if (lines != null && lines.isArray()) {
                    List<String> l = new ArrayList<>();
                    for (JsonNode line : lines) l.add(line.asString());
                    before.put(s, l);
                }
            }
            request = new Review.ReturnRequest(items, LocalDate.parse(Json.text(r, "until")), Json.text(r, "by"),
                    Instant.parse(Json.text(r, "at")), before);
        }
        Review.Decision decision = null;
        JsonNode d = o.get("decision");
        if (d != null && d.isObject()) {
            decision = new Review.Decision(d.path("accepted").asBoolean(), Json.text(d, "reason"), Json.text(d, "by"),
                    Instant.parse(Json.text(d, "at")));
        }
        return new Review(ReviewState.parse(Attr.s(item, STATE)), Long.parseLong(item.get(VERSION).n()), marks, request, decision);
    }

    static String json(Review r) {
        ObjectNode o = Json.object();
        ObjectNode marks = o.putObject("marks");
        for (Review.Mark m : r.marks().values()) {
            marks.putObject(m.section().slug()).put("deficient", m.deficient()).put("note", m.note()).put("by", m.by())
                    .put("at", m.at().toString());
        }
        if (r.request() != null) {
            ObjectNode q = o.putObject("request").put("until", r.request().until().toString()).put("by", r.request().by())
                    .put("at", r.request().at().toString());
            ArrayNode items = q.putArray("items");
            for (Review.Item i : r.request().items()) items.addObject().put("section", i.section().slug()).put("note", i.note());
            ObjectNode before = q.putObject("before");
            r.request().before().forEach((s, lines) -> {
                ArrayNode a = before.putArray(s.slug());
                lines.forEach(a::add);
            });
        }
        if (r.decision() != null) {
            o.putObject("decision").put("accepted", r.decision().accepted()).put("reason", r.decision().reason())
                    .put("by", r.decision().by()).put("at", r.decision().at().toString());
        }
        return Json.write(o);
    }

    /**
     * What the applicant must see of their own deadline: the 修正期限 and 不備 of a pending 差し戻し, or an individual
     * extension.
     */
    public static Correction correction(Map<String, AttributeValue> item) {
        if (item == null) return Correction.NONE;
        LocalDate until = Attr.date(item, MemberMapper.EXTENDED_UNTIL);
        // a 差し戻し is pending while the sections it opened are recorded (the resubmission removes them)
        boolean returned = item.containsKey(OPEN_SECTIONS) && !ApplicationStatus.SUBMITTED.name().equals(Attr.s(item, "status"));
        if (returned) {
            Review r = review(item);
            if (r.request() != null) return new Correction(until, r.request().items());
        }
        return until == null ? Correction.NONE : new Correction(until, List.of());
    }
}
