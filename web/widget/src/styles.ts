export const styles = `
:host { all: initial; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.root { --sc-brand: #2563eb; --sc-brand-ink: #fff; --sc-bg: #fff; --sc-ink: #111827; --sc-muted: #6b7280;
  --sc-line: #e5e7eb; --sc-soft: #f3f4f6; --sc-radius: 16px;
  font: 14px/1.45 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--sc-ink); position: fixed; z-index: 2147483000; bottom: 20px; right: 20px; }
.root.left { right: auto; left: 20px; }
button { font: inherit; cursor: pointer; }
button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 2px solid var(--sc-brand); outline-offset: 2px; }
.launcher { width: 56px; height: 56px; border-radius: 50%; border: 0; background: var(--sc-brand); color: var(--sc-brand-ink);
  box-shadow: 0 8px 24px rgba(0,0,0,.18); display: grid; place-items: center; transition: transform .15s; margin-left: auto; }
.launcher:hover { transform: scale(1.05); }
.launcher svg { width: 26px; height: 26px; }
.panel { position: absolute; bottom: 72px; right: 0; width: 380px; height: min(620px, calc(100vh - 110px)); background: var(--sc-bg);
  border-radius: var(--sc-radius); box-shadow: 0 16px 48px rgba(0,0,0,.22); display: flex; flex-direction: column; overflow: hidden;
  border: 1px solid var(--sc-line); }
.root.left .panel { right: auto; left: 0; }
.panel[hidden] { display: none; }
header { background: var(--sc-brand); color: var(--sc-brand-ink); padding: 14px 12px 14px 16px; display: flex; align-items: center; gap: 8px; }
header .titles { flex: 1; min-width: 0; }
header h2 { margin: 0; font-size: 16px; font-weight: 650; letter-spacing: .01em; }
header p { margin: 2px 0 0; font-size: 12px; opacity: .85; }
.icon-btn { background: transparent; border: 0; color: inherit; width: 32px; height: 32px; border-radius: 8px; display: grid; place-items: center; }
.icon-btn:hover { background: rgba(255,255,255,.16); }
.icon-btn svg { width: 18px; height: 18px; }
.text-btn { background: rgba(255,255,255,.16); border: 0; color: inherit; border-radius: 8px; padding: 6px 10px; font-size: 12px; font-weight: 600; }
.text-btn:hover { background: rgba(255,255,255,.26); }
.body { flex: 1; overflow-y: auto; background: #fafafa; }
.conn { font-size: 12px; text-align: center; padding: 4px; background: #fff7ed; color: #9a3412; }
.conn[hidden] { display: none; }
.list { padding: 12px; display: flex; flex-direction: column; gap: 8px; }
.list h3 { font-size: 13px; color: var(--sc-muted); font-weight: 600; margin: 4px 4px 4px; text-transform: uppercase; letter-spacing: .04em; }
.conv { text-align: left; width: 100%; background: #fff; border: 1px solid var(--sc-line); border-radius: 12px; padding: 12px 14px; display: grid; gap: 2px; color: inherit; }
.conv:hover { border-color: var(--sc-brand); }
.conv .top { display: flex; justify-content: space-between; gap: 8px; font-size: 12px; color: var(--sc-muted); }
.conv .preview { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.badge { font-size: 11px; font-weight: 600; border-radius: 999px; padding: 1px 8px; background: var(--sc-soft); color: var(--sc-muted); }
.badge.UNRESOLVED { background: #dbeafe; color: #1e40af; } .badge.ESCALATED { background: #fef3c7; color: #92400e; } .badge.RESOLVED { background: #dcfce7; color: #166534; }
.primary { background: var(--sc-brand); color: var(--sc-brand-ink); border: 0; border-radius: 10px; padding: 10px 14px; font-weight: 600; }
.primary:hover { filter: brightness(1.06); }
.primary:disabled { opacity: .5; cursor: default; }
.secondary { background: #fff; color: var(--sc-ink); border: 1px solid var(--sc-line); border-radius: 10px; padding: 8px 12px; font-weight: 500; }
.secondary:hover { border-color: var(--sc-brand); }
.empty { text-align: center; color: var(--sc-muted); padding: 28px 16px; }
.thread { padding: 16px 14px; display: flex; flex-direction: column; gap: 10px; }
.msg { display: flex; flex-direction: column; max-width: 82%; }
.msg .who { font-size: 11px; color: var(--sc-muted); margin: 0 4px 3px; font-weight: 600; }
.msg .bubble { padding: 9px 13px; border-radius: 14px; white-space: pre-wrap; word-wrap: break-word; }
.msg.VISITOR { align-self: flex-end; align-items: flex-end; }
.msg.VISITOR .bubble { background: var(--sc-brand); color: var(--sc-brand-ink); border-bottom-right-radius: 4px; }
.msg.AI .bubble { background: #fff; border: 1px solid var(--sc-line); border-bottom-left-radius: 4px; }
.msg.OPERATOR .bubble { background: #ecfdf5; border: 1px solid #a7f3d0; border-bottom-left-radius: 4px; }
.msg.OPERATOR .who { color: #047857; }
.msg.pending .bubble { opacity: .7; }
.msg.failed .bubble { background: #fee2e2; color: #991b1b; }
.msg .meta { font-size: 11px; color: var(--sc-muted); margin: 3px 4px 0; }
.system { align-self: center; text-align: center; font-size: 12px; color: var(--sc-muted); background: var(--sc-soft); border-radius: 999px; padding: 5px 12px; max-width: 90%; }
.system.handoff { background: #fef3c7; color: #92400e; }
.helpful { display: flex; gap: 6px; align-items: center; margin: 4px 4px 0; font-size: 12px; color: var(--sc-muted); }
.helpful button { background: #fff; border: 1px solid var(--sc-line); border-radius: 999px; padding: 2px 10px; font-size: 12px; color: var(--sc-ink); }
.helpful button:hover { border-color: var(--sc-brand); }
.card { background: #fff; border: 1px solid var(--sc-line); border-radius: 14px; padding: 14px; margin: 4px 0; display: grid; gap: 10px; }
.welcome { margin: 8px 4px; padding: 20px; }
.welcome h3 { font-size: 18px; }
.card h3 { margin: 0; font-size: 15px; }
.card p { margin: 0; color: var(--sc-muted); font-size: 13px; }
.stars { display: flex; gap: 6px; }
.stars button { flex: 1; border: 1px solid var(--sc-line); background: #fff; border-radius: 10px; padding: 8px 0; font-size: 15px; font-weight: 600; color: var(--sc-ink); }
.stars button[aria-pressed="true"] { background: var(--sc-brand); color: var(--sc-brand-ink); border-color: var(--sc-brand); }
textarea, input { font: inherit; font-weight: 400; width: 100%; border: 1px solid var(--sc-line); border-radius: 10px; padding: 9px 12px; color: var(--sc-ink); background: #fff; }
label { font-size: 13px; font-weight: 600; display: grid; gap: 4px; }
.form { padding: 18px 16px; display: grid; gap: 12px; }
.form h3 { margin: 0; font-size: 16px; }
.form p { margin: 0; color: var(--sc-muted); }
.error { color: #b91c1c; font-size: 13px; }
.composer { border-top: 1px solid var(--sc-line); padding: 10px; display: flex; gap: 8px; align-items: flex-end; background: #fff; }
.composer textarea { resize: none; min-height: 40px; max-height: 120px; border-radius: 12px; }
.send { width: 40px; height: 40px; flex: none; border-radius: 12px; border: 0; background: var(--sc-brand); color: var(--sc-brand-ink); display: grid; place-items: center; }
.send:disabled { opacity: .45; cursor: default; }
.send svg { width: 18px; height: 18px; }
.actions { display: flex; gap: 8px; justify-content: center; padding: 4px 0 8px; flex-wrap: wrap; }
.human-bar { background: #fff; border-top: 1px solid var(--sc-line); padding: 6px 12px 0; text-align: right; }
.human-bar[hidden] { display: none; }
.human-bar + .composer { border-top: 0; }
.link-btn { background: none; border: 0; color: var(--sc-brand); font-size: 12px; font-weight: 600; padding: 2px 4px; border-radius: 6px; }
.link-btn:hover { text-decoration: underline; }
.footer { text-align: center; font-size: 11px; color: var(--sc-muted); padding: 4px 0 8px; background: #fff; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 480px) {
  .root { bottom: 12px; right: 12px; }
  .root.open .launcher { display: none; }
  .panel { position: fixed; inset: 0; width: auto; height: auto; border-radius: 0; border: 0; bottom: 0; }
}
@media (prefers-reduced-motion: reduce) { .launcher { transition: none; } }
`;
