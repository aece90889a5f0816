package jp.nintei.inmemory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import jp.nintei.port.ExportFiles;

/** {@link ExportFiles} in memory: the files by key; a link names the key, the file name and its lifetime. */
public final class InMemoryExportFiles implements ExportFiles {
    private final Map<String, byte[]> files = new HashMap<>();

    @Override
    public synchronized void put(String key, byte[] content, String contentType) { files.put(key, content.clone()); }

    @Override
    public synchronized String downloadLink(String key, String fileName, Duration ttl) {
        if (!files.containsKey(key)) throw new IllegalStateException("no file " + key);
        return "memory://" + key + "?name=" + fileName + "&ttl=" + ttl.toSeconds();
    }

    public synchronized byte[] get(String key) { return files.get(key); }

    public synchronized int count() { return files.size(); }
}
