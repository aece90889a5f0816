package jp.nintei.service;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.Member;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.imports.ImportReport;
import jp.nintei.domain.imports.MemberCsv;
import jp.nintei.port.AuditLog;
import jp.nintei.port.DirectoryStore;
import jp.nintei.port.MemberImportStore;

/**
 * 会員 and directory (研修施設・指導者) imports: the file's rows checked, one e-mail address to one member, what
 * changed written, and members with a new address queued for their sign-in account (the accounts schedule creates it).
 */
public final class MemberImport {
    public record ImportOutcome(ImportReport<Member> report, List<String> written, int accountsQueued) {}

    /** A facility or supervisor file: rows written (same data again writes the same item: idempotent). */
    public record DirectoryOutcome(ImportReport<?> report) {}

    private final MemberImportStore store;
    private final DirectoryStore directory;
    private final AuditLog audit;
    private final Clock clock;

    public MemberImport(MemberImportStore store, DirectoryStore directory, AuditLog audit, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    public ImportOutcome importMembers(byte[] file, String actor) {
        ZonedDateTime now = AppClock.now(clock);
        ImportReport<Member> report = emailOfAnotherMemberRejected(sameEmailRejected(MemberCsv.read(file, now.getYear(), now.toLocalDate())));
        List<Member> accepted = report.accepted().stream().map(ImportReport.Accepted::value).toList();
        Map<String, Member> before = store.members(accepted.stream().map(Member::memberNo).toList());
        java.util.Set<String> needAccount = new java.util.HashSet<>();
        for (Member m : accepted) {
            Member old = before.get(m.memberNo());
            if (old == null || !java.util.Objects.equals(old.email(), m.email())) needAccount.add(m.memberNo());
        }
        List<String> written = store.upsertMembers(accepted, before, needAccount);
        int queued = needAccount.size();
        audit.record(new AuditLog.Entry(clock.instant(), actor, "MEMBERS_IMPORTED", null, null, null,
                "行数 " + report.rows() + "、取込 " + report.accepted().size() + "（更新 " + written.size() + "）、エラー "
                        + report.rejected().size()));
        return new ImportOutcome(report, written, queued);
    }

    /**
     * An address already registered for another member is refused (sign-in by it would name neither, and the
     * invitation would reach the wrong person), unless that member's own row of this file moves to another address.
     * Nothing is written for a refused row, so neither member changes.
     */
    ImportReport<Member> emailOfAnotherMemberRejected(ImportReport<Member> report) {
        Map<String, String> owners = store.emailOwners(report.accepted().stream().map(a -> a.value().email())
                .filter(java.util.Objects::nonNull).toList());
        if (owners.isEmpty()) return report;
        Map<String, String> newAddressOf = new java.util.HashMap<>();
        for (ImportReport.Accepted<Member> a : report.accepted()) {
            newAddressOf.put(a.value().memberNo(), a.value().email() == null ? "" : emailKey(a.value().email()));
        }
        List<ImportReport.Accepted<Member>> accepted = new ArrayList<>();
        List<ImportReport.Rejected> rejected = new ArrayList<>(report.rejected());
        for (ImportReport.Accepted<Member> a : report.accepted()) {
            Member m = a.value();
            String key = m.email() == null ? null : emailKey(m.email());
            String owner = key == null ? null : owners.get(key);
            boolean released = owner != null && newAddressOf.containsKey(owner) && !key.equals(newAddressOf.get(owner));
            if (owner != null && !owner.equals(m.memberNo()) && !released) {
                rejected.add(new ImportReport.Rejected(a.line(), "メールアドレス " + m.email() + " は会員番号 " + owner
                        + " の会員が使用しています。1つのメールアドレスは1人の会員だけが使えます。この会員の正しいメールアドレスを入力してください。"));
            } else {
                accepted.add(a);
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(ImportReport.Rejected::line));
        return new ImportReport<>(report.encoding(), report.rows(), accepted, rejected);
    }

    private static String emailKey(String email) {
        return jp.nintei.domain.JapaneseText.normalize(email).replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Two members with one e-mail address could not sign in with it (it would name neither): the later rows
     * of the file are rejected with the line of the first.
     */
    static ImportReport<Member> sameEmailRejected(ImportReport<Member> report) {
        Map<String, Integer> firstLine = new java.util.HashMap<>();
        List<ImportReport.Accepted<Member>> accepted = new ArrayList<>();
        List<ImportReport.Rejected> rejected = new ArrayList<>(report.rejected());
        for (ImportReport.Accepted<Member> a : report.accepted()) {
            String email = a.value().email();
            Integer first = email == null ? null : firstLine.putIfAbsent(email, a.line());
            if (first != null) {
                rejected.add(new ImportReport.Rejected(a.line(), "メールアドレス " + email + " が" + first
                        + "行目の会員と同じです。会員ごとに別のメールアドレスを入力してください。"));
            } else {
                accepted.add(a);
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(ImportReport.Rejected::line));
        return new ImportReport<>(report.encoding(), report.rows(), accepted, rejected);
    }

    /** 研修施設 or 指導者 master data; the applicants' search sees it within the directory cache's five minutes. */
    public DirectoryOutcome importDirectory(String what, byte[] file, String actor) {
        ImportReport<?> report;
        if ("facilities".equals(what)) {
            ImportReport<jp.nintei.domain.Facility> r = jp.nintei.domain.imports.DirectoryCsv.facilities(file);
            r.accepted().forEach(a -> directory.putFacility(a.value()));
            report = r;
        } else if ("supervisors".equals(what)) {
            ImportReport<jp.nintei.domain.Supervisor> r = jp.nintei.domain.imports.DirectoryCsv.supervisors(file);
            r.accepted().forEach(a -> directory.putSupervisor(a.value()));
            report = r;
        } else {
            throw Rejection.notFound("NOT_FOUND", null, "取込の種類が正しくありません。");
        }
        audit.record(new AuditLog.Entry(clock.instant(), actor, what.toUpperCase(java.util.Locale.ROOT) + "_IMPORTED", null, null,
                null, "行数 " + report.rows() + "、取込 " + report.accepted().size() + "、エラー " + report.rejected().size()));
        return new DirectoryOutcome(report);
    }
}
