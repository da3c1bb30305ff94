/** Display: the large-text switch (larger text and map labels, raised contrast) and the file choosers' words. */
export const zh = {
  'display.largeText': '大字号',
  'display.largeTextLabel': '大字号与高对比度（放大界面文字和地图注记）',
  'display.largeTextOn': '已切换为大字号与高对比度。',
  'display.largeTextOff': '已恢复标准字号。',
  'shortcut.display.largeText': '切换大字号与高对比度',
  'file.none': '未选择文件',
  'file.chosen': '已选择：{names}',
  'file.chosenCount': '已选择 {count} 个文件：{names}',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'display.largeText': 'Large text',
  'display.largeTextLabel': 'Large text and high contrast (larger interface text and map labels)',
  'display.largeTextOn': 'Large text and high contrast are on.',
  'display.largeTextOff': 'Standard text size is back.',
  'shortcut.display.largeText': 'Switch large text and high contrast',
  'file.none': 'No file chosen',
  'file.chosen': 'Chosen: {names}',
  'file.chosenCount': '{count} files chosen: {names}',
};
