package jp.nintei.domain;

/** User-facing Japanese texts, in the manual's own wording where it has one. One place, so nothing is written twice. */
public final class Messages {
    private Messages() {}

    // 専門医 menu (manual p.3 and p.7)
    public static final String SUBMITTED = "申請済みです。";
    public static final String OUT_OF_WINDOW = "受付期間外です。";
    public static final String SECONDARY_UNAVAILABLE = "受付期間外、もしくは一次申請が未申請のため申請できません。";
    public static final String NOT_SPECIALIST = "専門医(失効者含む)でないため申請できません。";

    // sign-in: never says whether the account exists
    public static final String LOGIN_FAILED =
            "ユーザーID（メールアドレスもしくは会員番号）またはパスワードが正しくありません。入力内容をご確認ください。";
    public static final String LOGIN_ID_REQUIRED = "ユーザーID（メールアドレスもしくは会員番号）を入力してください。";
    public static final String PASSWORD_REQUIRED = "パスワードを入力してください。";
    public static final String SESSION_EXPIRED = "ログインの有効期限が切れました。もう一度ログインしてください。";
    public static final String LOGIN_REQUIRED = "ログインが必要です。ログインしてから操作してください。";
    public static final String FORBIDDEN = "この操作を行う権限がありません。";

    // applications (一次申請)
    public static final String ALREADY_SUBMITTED = "申請済みのため修正できません。";
    public static final String STALE_VERSION =
            "別の画面または端末で内容が更新されています。画面を再読み込みして最新の内容を確認してから、もう一度操作してください。";
    /** After a 差し戻し: only the parts marked 不備 may be changed. */
    public static final String NOT_REQUESTED =
            "この項目は修正の依頼がないため変更できません。事務局から修正を依頼された項目（不備）だけを修正し、もう一度「申請」してください。";
    public static final String WINDOW_CLOSED = "受付期間外のため、この操作はできません。";
    public static final String INCOMPLETE = "未入力・未登録の項目があります。下記をご確認ください。";
    public static final String DOCUMENT_NOT_FOUND = "ファイルが見つかりません。画面を再読み込みしてください。";
    public static final String EMPTY_FILE = "ファイルが空です。内容のあるファイルを選んでください。";
    public static final String UPLOAD_NOT_FINISHED = "ファイルのアップロードが完了していません。もう一度ファイルを選んでください。";
    public static final String UPLOAD_MISMATCH =
            "アップロードされたファイルが選んだファイルと一致しません。通信が途切れた可能性があります。もう一度ファイルを選んでください。";
    public static final String FILE_NAME_REQUIRED = "ファイル名を確認できません。もう一度ファイルを選んでください。";
    public static final String BAD_CHECKSUM = "ファイルの確認に失敗しました。もう一度ファイルを選んでください。";
    public static final String UNKNOWN_PURPOSE = "アップロードする書類の種類が正しくありません。画面を再読み込みしてください。";
    public static final String NOT_THIS_APPLICATION = "この申請では利用できない操作です。マイページからお進みください。";

    // 二次申請
    public static final String SECTION_UNKNOWN = "この入力欄は見つかりません。画面を再読み込みしてください。";
    public static final String SECTION_TOO_LARGE = "入力内容が多すぎて保存できません。行数や文字数を減らしてください。";
    public static final String UNKNOWN_DIRECTORY_ROW = "選んだ施設または指導者が見つかりません。もう一度検索して選んでください。";

    // HTTP-level errors
    public static final String NOT_FOUND = "お探しのページまたは操作は見つかりません。URLをご確認ください。";
    public static final String METHOD_NOT_ALLOWED = "この操作はこのURLでは利用できません。画面を再読み込みしてからやり直してください。";
    public static final String BAD_JSON = "送信された内容を読み取れませんでした。画面を再読み込みしてからやり直してください。";
    public static final String BAD_SHAPE =
            "送信された内容の形式が正しくないため保存していません（保存済みの内容は変わりません）。画面を再読み込みしてからやり直してください。";
    public static final String MEMBER_NOT_FOUND = "会員情報が見つかりません。お手数ですが学会事務局までお問い合わせください。";
    public static final String INTERNAL_ERROR =
            "システムで問題が発生しました。入力内容は保存されていない可能性があります。時間をおいて再度お試しください。";
    /** 503 while DynamoDB, S3 or SES fail: what was saved or submitted before stands, the last action did not happen. */
    public static final String TEMPORARILY_UNAVAILABLE =
            "ただいま混み合っているため、処理できませんでした。これまでに保存・申請した内容は失われていません。少し時間をおいて、もう一度お試しください。";
}
