package jp.nintei.domain.application;

import java.util.List;

/** The 47 prefectures in JIS X 0401 order (01 北海道 … 47 沖縄県): 筆記試験受験希望地. */
public final class Prefecture {
    public static final List<String> NAMES = List.of(
            "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
            "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
            "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
            "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
            "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県");

    private Prefecture() {}

    /** The two-digit JIS code ("01"–"47") of a code or a name as typed; {@code null} when it is neither. */
    public static String code(String typed) {
        String t = jp.nintei.domain.JapaneseText.normalize(typed);
        if (t == null || t.isEmpty()) return null;
        int i = NAMES.indexOf(t);
        if (i >= 0) return String.format("%02d", i + 1);
        if (t.matches("[0-9]{1,2}")) {
            int n = Integer.parseInt(t);
            if (n >= 1 && n <= 47) return String.format("%02d", n);
        }
        return null;
    }

    public static String name(String code) {
        return code == null ? null : NAMES.get(Integer.parseInt(code) - 1);
    }
}
