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

    /**
     * CPU time (ms, user + system) of each process the local run started (var/local/pids/*.pid) and of all
     * PostgreSQL backends together (the machine's PostgreSQL, shared with anyone else using it).
     */
    static Map<String, Double> cpuMs(Path root) {
        Map<String, Double> m = new LinkedHashMap<>();
        try (var files = Files.list(root.resolve("var/local/pids"))) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString().replace(".pid", "");
                try {
                    double ms = procCpuMs(Long.parseLong(Files.readString(f).trim()));
                    if (ms >= 0) {
                        m.put(name, ms);
                    }
                } catch (Exception e) {
                    // a process that is gone has no CPU to report
                }
            }
        } catch (Exception e) {
            return m;
        }
        double pg = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.toList()) {
                String n = p.getFileName().toString();
                if (!n.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    if (stat.contains("(postgres)")) {
                        pg += procCpuMs(Long.parseLong(n));
                    }
                } catch (Exception e) {
                    // raced with an exiting process
                }
            }
        } catch (Exception e) {
            return m;
        }
        m.put("postgresql (all backends)", pg);
        return m;
    }

    private static double procCpuMs(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 14 and 15 of stat (utime, stime) are 11 and 12 after the command; clock ticks of 10 ms
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
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
