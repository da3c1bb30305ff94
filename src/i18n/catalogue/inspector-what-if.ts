/** The inspector's "edit outline (what-if)" button on a cluster, shown in the first view before the study tool loads. */
export const zh = {
  'whatIf.editOutline': '编辑轮廓（情景）',
  'whatIf.editOutlineLabel': '编辑 {name} 的轮廓（情景副本，不改动规划数据）',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'whatIf.editOutline': 'Edit outline (what-if)',
  'whatIf.editOutlineLabel': 'Edit the outline of {name} (a what-if copy; the plan data stays unchanged)',
};
