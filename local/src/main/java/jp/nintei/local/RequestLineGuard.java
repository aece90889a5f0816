package jp.nintei.local;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.nintei.adapter.http.ApiResponses;

/**
 * The local gateway's front door. The JDK's HTTP server refuses a request line whose target is not a valid URI (a
 * malformed percent-escape such as {@code /api/x%zz}) before any handler runs, with an HTML page naming
 * {@code URISyntaxException}. This relay reads each request line first and answers such a request with our JSON
 * 400 instead; every other byte passes through unchanged, in both directions.
 *
 * <p>Requests are framed by {@code Content-Length}; a chunked request body (which no client of this project
 * sends) is passed through to the end of the connection without further checks.
 */
final class RequestLineGuard implements AutoCloseable {
    private static final int MAX_HEAD = 64 * 1024;
    private static final byte[] BAD_TARGET;

    static {
        String body = ApiResponses.error(400, "BAD_REQUEST_TARGET", null,
                "URLを読み取れませんでした。URLに誤りがないかご確認ください。").getBody();
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
                + json.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        BAD_TARGET = new byte[head.length + json.length];
        System.arraycopy(head, 0, BAD_TARGET, 0, head.length);
        System.arraycopy(json, 0, BAD_TARGET, head.length, json.length);
    }

    private final ServerSocket front;
    private final InetSocketAddress upstream;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gateway-front");
        t.setDaemon(true);
        return t;
    });

    RequestLineGuard(int port, InetSocketAddress upstream) throws IOException {
        this.front = new ServerSocket(port, 64, InetAddress.getByName("127.0.0.1"));
        this.upstream = upstream;
        threads.execute(this::accept);
    }

    int port() { return front.getLocalPort(); }

    private void accept() {
        while (!front.isClosed()) {
            try {
                Socket client = front.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                if (front.isClosed()) return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; Socket server = new Socket()) {
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(upstream);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream toServer = server.getOutputStream();
            OutputStream toClient = client.getOutputStream();
            InputStream fromServer = server.getInputStream();
            java.util.concurrent.atomic.AtomicBoolean refusing = new java.util.concurrent.atomic.AtomicBoolean();
            Future<?> answers = threads.submit(() -> {
                copy(fromServer, toClient);
                // the server closed (its idle timeout, or an answer with Connection: close): so does the client's
                // connection, unless our refusal is still to be written on it
                if (!refusing.get()) closeQuietly(client);
            });
            try {
                forward(in, toServer, refusing);
            } catch (IOException e) {
                // the server stopped reading (it answered early, e.g. a request too large): its answer still goes out
            }
            // the answers to the requests before come first, in order; then the refusal, and the connection closes
            try {
                server.shutdownOutput();
            } catch (IOException ignored) {
                // the server already closed
            }
            try {
                answers.get(30, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the server did not finish in time: the client still gets the refusal
            }
            if (refusing.get()) {
                toClient.write(BAD_TARGET);
                toClient.flush();
            }
        } catch (IOException e) {
            // the client or the server went away: nothing to answer
        }
    }

    /** Passes requests to the server one by one, each after its request line was read and found valid. */
    private static void forward(InputStream in, OutputStream toServer, java.util.concurrent.atomic.AtomicBoolean refusing)
            throws IOException {
        while (true) {
            byte[] head = readHead(in);
            if (head == null) return;
            String text = new String(head, StandardCharsets.ISO_8859_1);
            int lineEnd = text.indexOf("\r\n");
            if (!validTarget(lineEnd < 0 ? text : text.substring(0, lineEnd))) {
                refusing.set(true);
                return;
            }
            toServer.write(head);
            toServer.flush();
            String headers = text.toLowerCase(Locale.ROOT);
            long length = headers.contains("\r\ntransfer-encoding:") || head.length > MAX_HEAD ? -1 : contentLength(headers);
            if (length < 0) { // not framed by a readable length: passed through to the end, unchecked
                copy(in, toServer);
                return;
            }
            copyExactly(in, toServer, length);
            toServer.flush();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** As the JDK server reads it: the text between the first two spaces of the request line must be a URI. */
    static boolean validTarget(String requestLine) {
        int start = requestLine.indexOf(' ');
        if (start < 0) return true; // not a request line: the server answers it
        int end = requestLine.indexOf(' ', start + 1);
        if (end < 0) return true;
        try {
            new URI(requestLine.substring(start + 1, end));
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static long contentLength(String lowerHeaders) {
        int i = lowerHeaders.indexOf("\r\ncontent-length:");
        if (i < 0) return 0;
        int end = lowerHeaders.indexOf("\r\n", i + 2);
        try {
            return Long.parseLong(lowerHeaders.substring(i + 17, end).strip());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The request line and headers up to the blank line (or {@link #MAX_HEAD} bytes); null at the end of the stream. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int last4 = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0D0A0D0A || head.size() > MAX_HEAD) return head.toByteArray();
        }
        return head.size() == 0 ? null : head.toByteArray();
    }

    private static void copyExactly(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) return;
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void copy(InputStream in, OutputStream out) {
        byte[] buffer = new byte[16 * 1024];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // one side closed
        }
    }

    @Override
    public void close() {
        try {
            front.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
