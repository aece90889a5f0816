package jp.nintei.domain.secondary;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.Facility;
import jp.nintei.domain.Member;
import jp.nintei.domain.Supervisor;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.DocumentPurpose;
import jp.nintei.domain.application.Problem;
import jp.nintei.domain.directory.Directory;

/** Everything 二次申請 checks before ④ 申請: ② 認定要件 and the four sections of ③. Pure. */
public final class SecondaryRules {
    public enum Section {
        RESUME("1. 申請書・履歴書（認定要件2）"),
        TRAINING("2. 臨床研修修了証明書（認定要件3）"),
        ACHIEVEMENTS("3. 業績書（認定要件6）"),
        IDENTITY("4. 医師免許・受講証・受験用写真（認定要件1・5）");

        private final String label;

        Section(String label) { this.label = label; }

        public String label() { return label; }
    }

    /** The state of the top page: each requirement ✓ or why not, each section 登録済 or what is missing. */
    public record Evaluation(List<RequirementCheck> requirements, Map<Section, List<Problem>> sections) {
        public boolean complete(Section s) { return sections.get(s).isEmpty(); }

        /** 専門医 申請 is enabled only when every ② and ③ item is ✓. */
        public boolean canSubmit() {
            return Requirements.allMet(requirements) && sections.values().stream().allMatch(List::isEmpty);
        }

        public List<Problem> allProblems() {
            List<Problem> out = new ArrayList<>();
            for (RequirementCheck c : requirements) {
                if (!c.met()) out.add(new Problem("REQUIREMENT_NOT_MET", "requirements." + c.requirement().name(),
                        c.requirement().number() + " " + c.requirement().label() + "：" + c.detail()));
            }
            sections.values().forEach(out::addAll);
            return out;
        }
    }

    private SecondaryRules() {}

    public static Evaluation evaluate(SecondaryApplication app, Member member, Directory directory,
                                      AchievementRules.Required required) {
        Map<String, Document> docs = new HashMap<>();
        for (Document d : app.documents()) docs.put(d.id(), d);
        Map<Section, List<Problem>> sections = new EnumMap<>(Section.class);
        sections.put(Section.RESUME, ResumeRules.missing(app.resume(), app.july().experience()));
        sections.put(Section.TRAINING, training(app, directory, docs));
        sections.put(Section.ACHIEVEMENTS, AchievementRules.missing(app.achievements(), docs, required));
        sections.put(Section.IDENTITY, identity(app.identity(), docs));
        return new Evaluation(Requirements.check(member, app.year(), app.duesInProcess()), sections);
    }

    /** The stored entries with their directory rows (null where the row no longer exists or none was chosen). */
    public static List<TrainingEntry> resolve(List<TrainingRef> refs, Directory directory) {
        List<TrainingEntry> out = new ArrayList<>();
        for (TrainingRef r : refs) {
            Facility f = r.facilityNo() == null ? null : directory.facilityRows(r.facilityNo()).stream()
                    .filter(x -> x.validFrom().equals(r.facilityFrom()) && x.type().equals(r.facilityType())).findFirst().orElse(null);
            Supervisor s = r.supervisorNo() == null ? null : directory.supervisorRows(r.supervisorNo()).stream()
                    .filter(x -> x.validFrom().equals(r.supervisorFrom()) && x.qualification().equals(r.qualification()))
                    .findFirst().orElse(null);
            out.add(new TrainingEntry(r.category(), f, r.from(), r.to(), s, r.certificateDocumentId()));
        }
        return out;
    }

    static List<Problem> training(SecondaryApplication app, Directory directory, Map<String, Document> docs) {
        List<TrainingEntry> entries = resolve(app.training(), directory);
        Map<String, List<Supervisor>> rows = new HashMap<>();
        for (TrainingEntry e : entries) {
            if (e.supervisor() != null) rows.put(e.supervisor().supervisorNo(), directory.supervisorRows(e.supervisor().supervisorNo()));
        }
        List<Problem> out = new ArrayList<>(TrainingRules.check(entries, rows, app.year(), app.july().training()));
        for (int i = 0; i < entries.size(); i++) {
            String id = entries.get(i).certificateDocumentId();
            Document d = id == null ? null : docs.get(id);
            if (id != null && (d == null || !d.registered() || d.purpose() != DocumentPurpose.TRAINING_CERTIFICATE)) {
                out.add(new Problem("CERTIFICATE_REQUIRED", "entries[" + i + "].certificate",
                        "証明書" + (i + 1) + "：臨床研修修了証明書（PDF）をアップロードしてください。"));
            }
        }
        return out;
    }

    static List<Problem> identity(IdentityDocuments ids, Map<String, Document> docs) {
        List<Problem> out = new ArrayList<>();
        check(out, ids.licenseId(), DocumentPurpose.MEDICAL_LICENSE, "license", docs);
        check(out, ids.courseId(), DocumentPurpose.COURSE_CERTIFICATE, "course", docs);
        check(out, ids.photoId(), DocumentPurpose.EXAM_PHOTO, "photo", docs);
        return out;
    }

    private static void check(List<Problem> out, String id, DocumentPurpose purpose, String field, Map<String, Document> docs) {
        Document d = id == null ? null : docs.get(id);
        if (d == null || !d.registered() || d.purpose() != purpose) {
            out.add(new Problem(purpose.name() + "_REQUIRED", field, purpose.label() + "をアップロードしてください。"));
        }
    }
}
