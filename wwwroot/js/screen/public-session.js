// Shared by the big screen and the overlay: which session to show and the floor wording. The
// result's words (verdicts, figures, bases) are js/polls/labels.js's. Nothing here reads anything
// that is not public.
import { addStrings, t } from '../i18n.js';
import { get } from '../api.js';

addStrings({
  'zh-CN': {
    'floor.online': '网友提问', 'floor.readBy': '{name} 代读', 'floor.followUp': '追问：{name}',
    'kind.member': '常委会委员', 'kind.deputy': '人大代表', 'kind.citizenRepresentative': '市民代表',
  },
  en: {
    'floor.online': 'Online question', 'floor.readBy': 'read by {name}', 'floor.followUp': 'Follow-up: {name}',
    'kind.member': 'Committee member', 'kind.deputy': 'Deputy', 'kind.citizenRepresentative': 'Citizen representative',
  },
});

/** The session named by ?s=, else the first listed (the API lists the live one first). */
export async function pickPublicSession() {
  const sessions = await get('/api/sessions');
  const requested = new URLSearchParams(location.search).get('s');
  return sessions.find((s) => s.id === requested) ?? sessions[0] ?? null;
}

/** "刘志强 委员" or "网友提问 · 李敏 代读". */
export function questionerLine(floor) {
  if (floor.source === 'online') {
    return floor.readBy ? `${t('floor.online')} · ${t('floor.readBy', { name: floor.readBy })}` : t('floor.online');
  }
  return floor.questionerName;
}
