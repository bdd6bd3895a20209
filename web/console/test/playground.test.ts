import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { confidenceLabel, handoffLabel, HistoryEntry, languageLabel, MAX_HISTORY, playgroundRequest, withTurn } from '../src/playground';

describe('playground formatting', () => {
  it('names the seven languages and shows an unknown code as it is', () => {
    assert.equal(languageLabel('de'), 'de · German');
    assert.equal(languageLabel('en'), 'en · English');
    assert.equal(languageLabel('nl'), 'nl · Dutch');
    assert.equal(languageLabel('pt'), 'pt · Portuguese');
    assert.equal(languageLabel('sv'), 'sv');
    assert.equal(languageLabel(null), 'Unknown');
  });

  it('spells out the handoff decision, leaving out what is null', () => {
    assert.equal(handoffLabel({ wouldHandOff: true, trigger: 'HUMAN_REQUEST', reason: 'The visitor asked for a person' }),
      'Would hand off: yes — trigger HUMAN_REQUEST — reason The visitor asked for a person');
    assert.equal(handoffLabel({ wouldHandOff: true, trigger: 'FRUSTRATION', reason: null }), 'Would hand off: yes — trigger FRUSTRATION');
    assert.equal(handoffLabel({ wouldHandOff: false, trigger: null, reason: null }), 'Would hand off: no');
    assert.equal(handoffLabel(null), 'Would hand off: no');
  });

  it('shows confidence as a rounded percentage, nothing when there is none', () => {
    assert.equal(confidenceLabel(0.834), '83%');
    assert.equal(confidenceLabel(1), '100%');
    assert.equal(confidenceLabel(0), '0%');
    assert.equal(confidenceLabel(null), null);
    assert.equal(confidenceLabel(undefined), null);
  });
});

describe('playground history', () => {
  it('sends history only when there is some, without blank entries', () => {
    assert.deepEqual(playgroundRequest('Hallo', []), { text: 'Hallo' });
    assert.deepEqual(playgroundRequest('Und jetzt?', [{ author: 'VISITOR', text: 'Wo ist mein Paket?' }, { author: 'AI', text: '  ' }]),
      { text: 'Und jetzt?', history: [{ author: 'VISITOR', text: 'Wo ist mein Paket?' }] });
  });

  it('appends the tried message and the reply, or the message alone when there is no reply', () => {
    assert.deepEqual(withTurn([], 'Where is my order?', { text: 'It ships tomorrow.', sources: [], confidence: 0.9 }),
      [{ author: 'VISITOR', text: 'Where is my order?' }, { author: 'AI', text: 'It ships tomorrow.' }]);
    assert.deepEqual(withTurn([], 'A human please', null), [{ author: 'VISITOR', text: 'A human please' }]);
  });

  it('keeps the last 20 entries and does not change the history it was given', () => {
    const full: HistoryEntry[] = Array.from({ length: MAX_HISTORY }, (_, i) => ({ author: i % 2 ? 'AI' : 'VISITOR', text: 'm' + i }));
    const next = withTurn(full, 'new', { text: 'reply' });
    assert.equal(next.length, MAX_HISTORY);
    assert.deepEqual(next[0], { author: 'VISITOR', text: 'm2' });
    assert.deepEqual(next.slice(-2), [{ author: 'VISITOR', text: 'new' }, { author: 'AI', text: 'reply' }]);
    assert.equal(full.length, MAX_HISTORY);
  });
});
