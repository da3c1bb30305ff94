/** Integration strings: imported layers in the layer tree, what-if from cluster card / inspector, phone timeline (#5, #4, #6, #7). */
export const zh = {
  'layers.imported': '导入的图层',
  'layers.importedShow': '显示导入图层 {name}',
  'layers.importedRemove': '移除',
  'layers.importedRemoveLabel': '移除导入图层 {name}',
  'layers.importedRemoved': '已移除导入图层 {name}',
  'whatIf.editOutline': '编辑轮廓（情景）',
  'whatIf.editOutlineLabel': '编辑 {name} 的轮廓（情景副本，不改动规划数据）',
  'timeline.showGoal': '阶段目标',
  'timeline.showGoalLabel': '显示或隐藏本阶段目标',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'layers.imported': 'Imported layers',
  'layers.importedShow': 'Show imported layer {name}',
  'layers.importedRemove': 'Remove',
  'layers.importedRemoveLabel': 'Remove imported layer {name}',
  'layers.importedRemoved': 'Removed imported layer {name}',
  'whatIf.editOutline': 'Edit outline (what-if)',
  'whatIf.editOutlineLabel': 'Edit the outline of {name} (a what-if copy; the plan data stays unchanged)',
  'timeline.showGoal': 'Goal',
  'timeline.showGoalLabel': 'Show or hide this step’s goal',
};
