// The chair console's words, Chinese first.
import { addStrings } from '../i18n.js';

addStrings({
  'zh-CN': {
    'chair.title': '主持人控制台', 'chair.sitting': '会议进程', 'chair.agenda': '询问议程', 'chair.current': '当前问题',
    'chair.noCurrent': '当前没有正在询问的问题。请从左侧议程或右侧网友问题中点名。', 'chair.department': '应询部门',
    'chair.startAsk': '提问计时', 'chair.startAnswer': '答询计时', 'chair.startFollowUp': '追问计时', 'chair.pause': '暂停',
    'chair.resume': '继续', 'chair.stop': '停止', 'chair.space': '空格', 'chair.followUp': '追问', 'chair.followUpName': '追问人',
    'chair.followUpText': '追问内容（可选）', 'chair.addFollowUp': '记录追问', 'chair.answered': '已答复', 'chair.deferred': '转书面答复',
    'chair.votePanel': '满意度测评', 'chair.shortcuts': '快捷键：', 'chair.callNextKey': '点名议程中的下一位',
    'chair.online': '网友问题（已审核）', 'chair.filter': '按部门筛选', 'chair.allDepartments': '全部部门', 'chair.readTitle': '点名网友问题',
    'chair.readBy': '代读人姓名', 'chair.call': '点名', 'chair.askedBy': '{n} 人同问', 'chair.noOnline': '暂无已审核的网友问题',
    'chair.noAgenda': '议程为空，请管理员在设置页添加询问人。', 'chair.next': '下一位',
    'agenda.waiting': '待询问', 'agenda.current': '询问中', 'agenda.done': '已答复', 'agenda.deferred': '转书面答复',
    'sit.open': '开放征集', 'sit.start': '开始会议', 'sit.pause': '暂停会议', 'sit.resume': '继续会议', 'sit.end': '结束会议',
    'sit.confirmEnd': '再按一次确认结束', 'chair.called': '已点名：{name}', 'chair.needReader': '请填写代读人姓名。',
    'chair.busy': '请先将当前问题标记为已答复或转书面答复。', 'chair.noSession': '没有可主持的询问会议。',
    'chair.followUpAdded': '已记录追问', 'chair.closed': '当前问题已结束',
  },
  en: {
    'chair.title': 'Chair console', 'chair.sitting': 'Sitting', 'chair.agenda': 'Agenda', 'chair.current': 'Current question',
    'chair.noCurrent': 'No question is current. Call one from the agenda (left) or the online questions (right).', 'chair.department': 'Answering',
    'chair.startAsk': 'Question clock', 'chair.startAnswer': 'Answer clock', 'chair.startFollowUp': 'Follow-up clock', 'chair.pause': 'Pause',
    'chair.resume': 'Resume', 'chair.stop': 'Stop', 'chair.space': 'Space', 'chair.followUp': 'Follow-up', 'chair.followUpName': 'Asked by',
    'chair.followUpText': 'Follow-up (optional)', 'chair.addFollowUp': 'Record follow-up', 'chair.answered': 'Answered', 'chair.deferred': 'Written reply',
    'chair.votePanel': 'Satisfaction vote', 'chair.shortcuts': 'Shortcuts:', 'chair.callNextKey': 'call the next agenda questioner',
    'chair.online': 'Online questions (approved)', 'chair.filter': 'Filter by department', 'chair.allDepartments': 'All departments', 'chair.readTitle': 'Call an online question',
    'chair.readBy': 'Read out by', 'chair.call': 'Call', 'chair.askedBy': '{n} asked', 'chair.noOnline': 'No approved online questions yet',
    'chair.noAgenda': 'The agenda is empty; the admin adds questioners on the setup page.', 'chair.next': 'Next',
    'agenda.waiting': 'Waiting', 'agenda.current': 'Asking', 'agenda.done': 'Answered', 'agenda.deferred': 'Written reply',
    'sit.open': 'Open for questions', 'sit.start': 'Start sitting', 'sit.pause': 'Pause sitting', 'sit.resume': 'Resume sitting', 'sit.end': 'End sitting',
    'sit.confirmEnd': 'Press again to end', 'chair.called': 'Called: {name}', 'chair.needReader': 'Enter who reads the question out.',
    'chair.busy': 'Mark the current question answered or deferred first.', 'chair.noSession': 'No inquiry session to run.',
    'chair.followUpAdded': 'Follow-up recorded', 'chair.closed': 'Current question closed',
  },
});
