/** Saved work restored with the first view: its messages, the storage section of the import panel, an imported layer the map refuses. */
export const zh = {
  'import.mapFailed': '地图无法绘制 {name}（{detail}）；已撤销，其他图层未改变。',
  'storage.title': '保存与备份',
  'storage.what.settings': '设置',
  'storage.what.imports': '导入图层',
  'storage.corrupt': '无法读取已保存的{what}（{detail}）。应用已正常启动；原数据已保留为备份，可以下载。',
  'storage.version': '已保存的{what}来自另一个版本（{detail}）。原数据已保留为备份，可以下载。',
  'storage.unavailable': '浏览器存储不可用（可能处于隐私模式）：您的工作不会被自动保存。请用“导出我的工作”下载 JSON。',
  'storage.quota': '浏览器存储已满：最近的更改未能保存。请用“导出我的工作”下载 JSON，或移除一些导入图层。',
  'storage.too-large': '导入图层共 {detail}，超过自动保存上限 {limitMb} MB，不会自动保存。请用“导出我的工作”下载 JSON。',
  'storage.export': '导出我的工作（JSON）',
  'storage.backup': '下载备份：{what}',
  'storage.restored': '已恢复上次的工作：{count} 个导入图层。',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'import.mapFailed': 'The map could not draw {name} ({detail}); undone, the other layers are unchanged.',
  'storage.title': 'Saving and backups',
  'storage.what.settings': 'settings',
  'storage.what.imports': 'imported layers',
  'storage.corrupt': 'The saved {what} could not be read ({detail}). The app started normally; the old data is kept as a backup you can download.',
  'storage.version': 'The saved {what} come from another version ({detail}). The old data is kept as a backup you can download.',
  'storage.unavailable': 'Browser storage is not available (private mode?): your work is not saved automatically. Use "Export my work" to download it as JSON.',
  'storage.quota': 'Browser storage is full: recent changes were not saved. Use "Export my work" to download them as JSON, or remove some imported layers.',
  'storage.too-large': 'The imported layers total {detail}, over the {limitMb} MB auto-save limit, so they are not saved automatically. Use "Export my work" to download them as JSON.',
  'storage.export': 'Export my work (JSON)',
  'storage.backup': 'Download backup: {what}',
  'storage.restored': 'Restored your last work: {count} imported layers.',
};
