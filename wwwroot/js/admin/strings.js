// The setup page's words, Chinese first.
import { addStrings } from '../i18n.js';

addStrings({
  'zh-CN': {
    'admin.title': '专题询问会议设置', 'admin.sessions': '会议', 'admin.session': '会议', 'admin.new': '新建会议',
    'admin.newTitle': '（新会议）', 'admin.linkChair': '主持人控制台', 'admin.linkScreen': '大屏', 'admin.linkOverlay': '直播叠加层',
    'admin.settings': '基本信息与规则', 'admin.f.title': '标题', 'admin.f.topic': '询问主题', 'admin.f.description': '简介',
    'admin.f.start': '计划开始时间', 'admin.f.stream': '直播地址（http/https）', 'admin.f.ask': '提问时长（秒）', 'admin.f.answer': '答询时长（秒）',
    'admin.f.followUp': '追问时长（秒）', 'admin.f.followUpAllowed': '允许追问', 'admin.f.ruleSet': '测评规则',
    'admin.rule.rate': '按满意率（满意+基本满意占有效票）', 'admin.rule.allMembers': '按全体组成人员过半数',
    'admin.f.threshold': '满意率门槛（%）', 'admin.f.quorum': '法定人数比例（%）', 'admin.f.named': '记名投票',
    'admin.departments': '应询部门', 'admin.deptName': '部门名称', 'admin.deptHead': '负责人职务', 'admin.add': '添加',
    'admin.agenda': '询问议程', 'admin.agName': '询问人', 'admin.agKind': '身份', 'admin.agDept': '应询部门', 'admin.agSubject': '询问内容',
    'admin.noDept': '（未指定部门）', 'admin.up': '上移', 'admin.down': '下移', 'admin.delete': '删除', 'admin.roster': '组成人员名单',
    'admin.rosterName': '姓名', 'admin.rosterUser': '账号', 'admin.rosterLink': '个人链接', 'admin.linkIssued': '已生成', 'admin.linkNone': '未生成',
    'admin.rosterCount': '共 {n} 人', 'admin.memberName': '委员姓名', 'admin.memberUser': '账号（可不填，自动生成）', 'admin.memberLinks': '生成和打印委员个人链接', 'admin.saved': '已保存', 'admin.deleted': '已删除', 'admin.created': '已创建会议（草稿）',
    'admin.emptyDepts': '尚未添加应询部门', 'admin.emptyAgenda': '议程为空', 'admin.noSessions': '还没有会议，请新建。',
    'admin.moveTo.openForQuestions': '开放征集', 'admin.moveTo.live': '开始会议', 'admin.moveTo.paused': '暂停',
    'admin.moveTo.ended': '结束会议', 'admin.moveTo.draft': '退回草稿',
  },
  en: {
    'admin.title': 'Inquiry session setup', 'admin.sessions': 'Sessions', 'admin.session': 'Session', 'admin.new': 'New session',
    'admin.newTitle': '(new session)', 'admin.linkChair': 'Chair console', 'admin.linkScreen': 'Big screen', 'admin.linkOverlay': 'Stream overlay',
    'admin.settings': 'Details and rules', 'admin.f.title': 'Title', 'admin.f.topic': 'Topic', 'admin.f.description': 'Description',
    'admin.f.start': 'Scheduled start', 'admin.f.stream': 'Stream URL (http/https)', 'admin.f.ask': 'Question time (s)', 'admin.f.answer': 'Answer time (s)',
    'admin.f.followUp': 'Follow-up time (s)', 'admin.f.followUpAllowed': 'Follow-ups allowed', 'admin.f.ruleSet': 'Rule set',
    'admin.rule.rate': 'Satisfaction rate (satisfied + basically satisfied of valid votes)', 'admin.rule.allMembers': 'Majority of all members',
    'admin.f.threshold': 'Rate threshold (%)', 'admin.f.quorum': 'Quorum (%)', 'admin.f.named': 'Named voting',
    'admin.departments': 'Departments', 'admin.deptName': 'Department name', 'admin.deptHead': "Head's title", 'admin.add': 'Add',
    'admin.agenda': 'Agenda', 'admin.agName': 'Questioner', 'admin.agKind': 'Kind', 'admin.agDept': 'Department', 'admin.agSubject': 'Subject',
    'admin.noDept': '(no department)', 'admin.up': 'Up', 'admin.down': 'Down', 'admin.delete': 'Delete', 'admin.roster': 'Members roster',
    'admin.rosterName': 'Name', 'admin.rosterUser': 'Account', 'admin.rosterLink': 'Personal link', 'admin.linkIssued': 'Issued', 'admin.linkNone': 'Not issued',
    'admin.rosterCount': '{n} members', 'admin.memberName': "Member's name", 'admin.memberUser': 'Account (optional, generated if empty)', 'admin.memberLinks': "Issue and print members' personal links", 'admin.saved': 'Saved', 'admin.deleted': 'Deleted', 'admin.created': 'Session created (draft)',
    'admin.emptyDepts': 'No departments yet', 'admin.emptyAgenda': 'The agenda is empty', 'admin.noSessions': 'No sessions yet; create one.',
    'admin.moveTo.openForQuestions': 'Open for questions', 'admin.moveTo.live': 'Start sitting', 'admin.moveTo.paused': 'Pause',
    'admin.moveTo.ended': 'End sitting', 'admin.moveTo.draft': 'Back to draft',
  },
});
