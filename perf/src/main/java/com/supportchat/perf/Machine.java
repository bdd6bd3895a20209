package com.supportchat.perf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Facts about the machine the run happened on. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> facts(Path root) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", Instant.now().toString());
        m.put("nproc", Runtime.getRuntime().availableProcessors());
        m.put("cpu", firstValue("/proc/cpuinfo", "model name"));
        String mem = firstValue("/proc/meminfo", "MemTotal");
        if (mem != null) {
            m.put("memTotalMiB", Long.parseLong(mem.replaceAll("[^0-9]", "")) / 1024);
        }
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("gitCommit", git(root));
        m.putAll(load());
        return m;
    }

    static Map<String, Object> load() {
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            m.put("loadAvg", Files.readString(Path.of("/proc/loadavg")).trim());
        } catch (Exception e) {
            m.put("loadAvg", null);
        }
        return m;
    }

    private static String firstValue(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }

    private static String git(Path root) {
        try {
            Process p = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "--short", "HEAD")
                .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return out;
        } catch (Exception e) {
            return null;
        }
    }
}
