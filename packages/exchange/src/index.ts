// @baihua/exchange: guides in from the national platform's exchange tables and from saved guide
// pages, and back out to the platform's tables (issue 20).
export {};
