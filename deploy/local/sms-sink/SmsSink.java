import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for an SMS provider with a Twilio-compatible API, so the platform's SMS notifications
 * can be read by a person during a local run. Nothing is sent anywhere.
 *
 * <pre>
 *   java SmsSink.java [port] [log file]        (JDK 17 source launch; defaults 8086, var/local/sms.log)
 *
 *   POST /2010-04-01/Accounts/{AccountSid}/Messages.json   form fields To, From (or MessagingServiceSid), Body
 *        -> 201 {"sid":"SM...","status":"queued",...}   the Twilio message resource shape
 *        -> 400 {"code":21604,...} when To or Body is missing; 401 without HTTP Basic credentials
 *   GET  /2010-04-01/Accounts/{AccountSid}/Messages.json   the captured messages, Twilio list shape
 *   GET  /                 HTML page of captured messages, newest first
 *   GET  /messages.json    the same as a JSON array (for scripts and tests)
 *   GET  /health           200 "UP"
 *   DELETE /messages.json  forget all captured messages
 *   GET  /mail             a readable view of the mail in the local GreenMail server (its REST API at
 *                          MAIL_API_URL, default http://127.0.0.1:8025, is proxied under /mail/api/)
 * </pre>
 *
 * Every accepted message is appended to the log file as one JSON object per line, so the capture
 * survives restarts.
 */
public class SmsSink {

    private static final Pattern MESSAGES = Pattern.compile("^/2010-04-01/Accounts/([^/]+)/Messages\\.json$");
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path log;
    private final URI mailApi;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SmsSink(Path log, URI mailApi) {
        this.log = log;
        this.mailApi = mailApi;
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args.length > 0 ? args[0] : env("SMS_SINK_PORT", "8086"));
        Path log = Path.of(args.length > 1 ? args[1] : env("SMS_SINK_LOG", "var/local/sms.log")).toAbsolutePath();
        String host = env("SMS_SINK_HOST", "127.0.0.1");
        Files.createDirectories(log.getParent());
        SmsSink sink = new SmsSink(log, URI.create(env("MAIL_API_URL", "http://127.0.0.1:8025")));
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 50);
        server.createContext("/", sink::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        System.out.printf("SMS sink listening on http://%s:%d/ (Twilio-compatible POST /2010-04-01/Accounts/{sid}/Messages.json), log %s%n",
                host, port, log);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Matcher twilio = MESSAGES.matcher(path);
            if (twilio.matches() && method.equals("POST")) {
                create(exchange, twilio.group(1));
            } else if (twilio.matches() && method.equals("GET")) {
                send(exchange, 200, "application/json", "{\"messages\":" + json(readAll()) + "}");
            } else if (path.equals("/") && method.equals("GET")) {
                send(exchange, 200, "text/html; charset=utf-8", html(readAll()));
            } else if (path.equals("/messages.json") && method.equals("GET")) {
                send(exchange, 200, "application/json", json(readAll()));
            } else if (path.equals("/messages.json") && method.equals("DELETE")) {
                synchronized (this) {
                    Files.deleteIfExists(log);
                }
                send(exchange, 204, null, "");
            } else if (path.equals("/mail") && method.equals("GET")) {
                send(exchange, 200, "text/html; charset=utf-8", MAIL_PAGE);
            } else if (path.startsWith("/mail/api/") && method.equals("GET")) {
                proxyMail(exchange, path.substring("/mail".length()));
            } else if (path.equals("/health")) {
                send(exchange, 200, "text/plain", "UP");
            } else {
                error(exchange, 404, 20404, "The requested resource " + path + " was not found");
            }
        } catch (RuntimeException e) {
            System.err.println("SMS sink: " + e);
        }
    }

    private void create(HttpExchange exchange, String accountSid) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Basic ")) {
            error(exchange, 401, 20003, "Authenticate: HTTP Basic credentials (AccountSid:AuthToken) are required");
            return;
        }
        String user = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        String authUser = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String to = form.get("To");
        String body = form.get("Body");
        String from = form.getOrDefault("From", form.get("MessagingServiceSid"));
        if (to == null || to.isBlank()) {
            error(exchange, 400, 21604, "A 'To' phone number is required.");
            return;
        }
        if (body == null || body.isBlank()) {
            error(exchange, 400, 21602, "Message body is required.");
            return;
        }
        String sid = "SM" + HexFormat.of().formatHex(randomBytes(16));
        String now = RFC_2822.format(Instant.now());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("sid", sid);
        message.put("account_sid", accountSid);
        message.put("auth_user", authUser);
        message.put("to", to);
        message.put("from", from);
        message.put("body", body);
        message.put("status", "queued");
        message.put("num_segments", String.valueOf(Math.max(1, (body.length() + 152) / 153)));
        message.put("direction", "outbound-api");
        message.put("api_version", "2010-04-01");
        message.put("date_created", now);
        message.put("date_updated", now);
        message.put("date_sent", null);
        message.put("price", null);
        message.put("error_code", null);
        message.put("error_message", null);
        message.put("uri", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid + ".json");
        String line = json(message);
        synchronized (this) {
            Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        System.out.printf("SMS %s to %s from %s: %s%n", sid, to, from, body.replace('\n', ' '));
        send(exchange, 201, "application/json", line);
    }

    /** Read-only pass-through to GreenMail's REST API, so the mail page needs no cross-origin calls. */
    private void proxyMail(HttpExchange exchange, String apiPath) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(mailApi.resolve(apiPath)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            exchange.getResponseHeaders().set("Content-Type",
                    response.headers().firstValue("Content-Type").orElse("application/json"));
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            if (response.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (IOException | InterruptedException | IllegalArgumentException e) {
            error(exchange, 502, 50200, "Mail server API at " + mailApi + " not reachable: " + e.getMessage());
        }
    }

    /** The captured messages (raw JSON lines), oldest first. */
    private synchronized List<String> readAll() throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String json(List<String> rawObjects) {
        return "[" + String.join(",", rawObjects) + "]";
    }

    private static String json(Map<String, Object> object) {
        StringBuilder out = new StringBuilder("{");
        object.forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(key)).append(':').append(value == null ? "null" : quote(value.toString()));
        });
        return out.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Just enough JSON reading for the flat string objects this program writes itself. */
    private static Map<String, String> parseFlat(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\":(null|\"((?:[^\"\\\\]|\\\\.)*)\")").matcher(json);
        while (m.find()) {
            out.put(unquote(m.group(1)), m.group(3) == null ? null : unquote(m.group(3)));
        }
        return out;
    }

    private static String unquote(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(n);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static final String MAIL_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Local mail</title>
            <style>
             body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
             .mail{border:1px solid #ddd;border-radius:6px;margin:0 0 1rem;padding:.75rem 1rem}
             .hdr{color:#555;font-size:.9rem} .subject{font-weight:600;font-size:1.05rem}
             pre{white-space:pre-wrap;background:#fafafa;padding:.75rem;margin:.5rem 0 0}
             details summary{cursor:pointer;color:#555;font-size:.85rem}
            </style></head><body>
            <h1>Local mail</h1>
            <p>Every email the platform sent to the local GreenMail server (SMTP 127.0.0.1:3025), newest first.
            Nothing leaves this machine. Refreshes every 5 seconds. <a href="/">SMS</a></p>
            <div id="out"><em>loading...</em></div>
            <script>
            function unfold(h){return h.replace(/\\r?\\n[ \\t]+/g,' ')}
            function header(head,name){const m=unfold(head).match(new RegExp('^'+name+':\\\\s*(.*)$','im'));return m?decodeWords(m[1]):''}
            function bytesToText(bin,charset){try{return new TextDecoder(charset||'utf-8').decode(Uint8Array.from(bin,c=>c.charCodeAt(0)))}catch(e){return bin}}
            function decodeWords(s){return s.replace(/(\\?=)\\s+(?==\\?)/g,'$1').replace(/=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?=/g,(_,cs,enc,t)=>bytesToText(
              enc.toUpperCase()==='B'?atob(t):t.replace(/_/g,' ').replace(/=([0-9A-F]{2})/gi,(_,h)=>String.fromCharCode(parseInt(h,16))),cs))}
            function decodeBody(head,body){
              const cte=header(head,'Content-Transfer-Encoding').toLowerCase();const cs=(header(head,'Content-Type').match(/charset="?([^";]+)/i)||[])[1];
              if(cte==='base64')return bytesToText(atob(body.replace(/\\s/g,'')),cs);
              if(cte==='quoted-printable')return bytesToText(body.replace(/=\\r?\\n/g,'').replace(/=([0-9A-F]{2})/gi,(_,h)=>String.fromCharCode(parseInt(h,16))),cs);
              // 7bit/8bit: GreenMail hands the raw bytes over as one char each
              if(!/[^\\x00-\\xff]/.test(body)){try{return new TextDecoder(cs||'utf-8',{fatal:true}).decode(Uint8Array.from(body,c=>c.charCodeAt(0)))}catch(e){}}
              return body}
            function split(raw){const i=raw.search(/\\r?\\n\\r?\\n/);return i<0?[raw,'']:[raw.slice(0,i),raw.slice(i).replace(/^\\r?\\n\\r?\\n/,'')]}
            function textOf(raw){
              const [head,body]=split(raw);const ct=header(head,'Content-Type');
              const b=(ct.match(/boundary="?([^";]+)"?/i)||[])[1];
              if(/^multipart\\//i.test(ct)&&b){
                const parts=body.split('--'+b).slice(1).filter(p=>!p.startsWith('--')).map(p=>p.replace(/^\\r?\\n/,''));
                const texts=parts.map(textOf);return texts.find(t=>t.type==='text/plain')||texts.find(t=>t.type==='text/html')||texts[0]||{type:'',text:''}}
              const type=(ct.split(';')[0]||'text/plain').trim().toLowerCase();let text=decodeBody(head,body);
              if(type==='text/html'){const d=new DOMParser().parseFromString(text,'text/html');text=d.body.innerText}
              return {type,text}}
            function esc(s){return String(s).replace(/[&<>"]/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]))}
            async function load(){
              const out=document.getElementById('out');
              try{
                const users=await (await fetch('/mail/api/user')).json();let mails=[];
                for(const u of users){const ms=await (await fetch('/mail/api/user/'+encodeURIComponent(u.email)+'/messages/')).json();
                  for(const m of ms){const [head]=split(m.mimeMessage);mails.push({to:u.email,head,raw:m.mimeMessage,n:mails.length,date:new Date(header(head,'Date')||NaN)})}}
                mails.sort((a,b)=>((b.date||0)-(a.date||0))||(b.n-a.n));
                out.innerHTML=mails.length?mails.map(m=>{const t=textOf(m.raw);return `<div class=mail><div class=subject>${esc(header(m.head,'Subject')||'(no subject)')}</div>
                  <div class=hdr>From ${esc(header(m.head,'From'))} to <b>${esc(m.to)}</b>, ${esc(isNaN(m.date)?'':m.date.toLocaleString())}</div>
                  <pre>${esc(t.text.trim())}</pre><details><summary>raw message</summary><pre>${esc(m.raw)}</pre></details></div>`}).join(''):'<em>no mail yet</em>';
              }catch(e){out.innerHTML='<em>mail server API not reachable: '+esc(e)+'</em>'}}
            load();setInterval(load,5000);
            </script></body></html>
            """;

    private static String html(List<String> rawObjects) {
        List<String> newestFirst = new ArrayList<>(rawObjects);
        Collections.reverse(newestFirst);
        StringBuilder rows = new StringBuilder();
        for (String raw : newestFirst) {
            Map<String, String> m = parseFlat(raw);
            rows.append("<tr><td class=nowrap>").append(escape(m.get("date_created")))
                    .append("</td><td class=nowrap>").append(escape(m.get("to")))
                    .append("</td><td class=nowrap>").append(escape(m.get("from")))
                    .append("</td><td class=body>").append(escape(m.get("body")))
                    .append("</td><td><code>").append(escape(m.get("sid"))).append("</code></td></tr>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Local SMS sink</title>
                <meta http-equiv="refresh" content="5">
                <style>
                 body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
                 table{border-collapse:collapse;width:100%%}
                 th,td{border-bottom:1px solid #ddd;padding:.5rem;text-align:left;vertical-align:top}
                 th{background:#f5f5f5} td.body{white-space:pre-wrap;overflow-wrap:anywhere}
                 td.nowrap{white-space:nowrap} code{font-size:.75rem;color:#666;word-break:break-all}
                </style></head><body>
                <h1>Local SMS sink</h1>
                <p>%d message(s) captured. Nothing is sent to a phone. This page refreshes every 5 seconds;
                JSON at <a href="/messages.json">/messages.json</a>. Emails: <a href="/mail">/mail</a>.</p>
                <table><tr><th>sent (UTC)</th><th>to</th><th>from</th><th>body</th><th>sid</th></tr>
                %s</table></body></html>
                """.formatted(rawObjects.size(), rows.length() == 0 ? "<tr><td colspan=5><em>none yet</em></td></tr>" : rows);
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(key, value);
        }
        return form;
    }

    private static void error(HttpExchange exchange, int status, int code, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", String.valueOf(code));
        body.put("message", message);
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", String.valueOf(status));
        send(exchange, status, "application/json", json(body).replaceAll("\"(code|status)\":\"(\\d+)\"", "\"$1\":$2"));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
