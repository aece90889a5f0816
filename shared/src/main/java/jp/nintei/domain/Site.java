package jp.nintei.domain;

/**
 * Where members find the system: the web page's address, named in every mail that asks them to sign in (a member
 * who reads an invitation or a reminder should not have to search for the page). Unknown when the stack has no
 * custom domain (template.yaml WebDomainName): the mails then say only 「認定システム」, as before.
 */
public record Site(String url) {
    public static final Site UNKNOWN = new Site("");

    public Site {
        String u = url == null ? "" : url.strip();
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        url = u;
    }

    public boolean known() { return !url.isEmpty(); }

    /** The sign-in page as a mail names it, ending with a blank line; nothing when the address is unknown. */
    public String loginLines() { return known() ? "■ 認定システム（ログイン画面）\n" + url + "/\n\n" : ""; }
}
