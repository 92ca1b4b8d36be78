import { describe, expect, it } from "vitest";
import { maskAddress } from "./address";

describe("maskAddress", () => {
  it.each([
    ["山西省晋城市城区凤台街道东大街123号", "山西省晋城市城区****"],
    ["山西省晋城市泽州县巴公镇西街村", "山西省晋城市泽州县****"],
    ["山西省晋城市高平市米山镇", "山西省晋城市高平市****"],
    ["晋城市城区凤台街道", "晋城市城区****"],
    ["北京市朝阳区建国路88号", "北京市朝阳区****"],
    ["北京朝阳区建国路88号", "北京朝阳区****"],
    ["上海市浦东新区世纪大道100号", "上海市浦东新区****"],
    ["重庆市石柱土家族自治县南宾街道", "重庆市石柱土家族自治县****"],
    ["内蒙古自治区锡林郭勒盟锡林浩特市额尔敦路", "内蒙古自治区锡林郭勒盟锡林浩特市****"],
    ["吉林省延边朝鲜族自治州延吉市光明街", "吉林省延边朝鲜族自治州延吉市****"],
    ["黑龙江省大兴安岭地区漠河市西林吉镇", "黑龙江省大兴安岭地区漠河市****"],
    ["山东省济南市市中区经四路1号", "山东省济南市市中区****"],
    ["江苏省南京市鼓楼区中山路1号", "江苏省南京市鼓楼区****"],
    ["河北省唐山市路南区新华道", "河北省唐山市路南区****"],
    ["陕西省商洛市镇安县永乐街道", "陕西省商洛市镇安县****"],
    ["山西省临汾市乡宁县昌宁镇", "山西省临汾市乡宁县****"],
    [" 山西省 晋城市 城区 凤台街道 ", "山西省晋城市城区****"],
  ])("%s → %s", (address, masked) => {
    expect(maskAddress(address)).toBe(masked);
  });

  it.each([
    ["广东省东莞市虎门镇连升路1号", "广东省东莞市****"],
    ["湖北省仙桃市沙嘴街道某某社区", "湖北省仙桃市****"],
    ["山西省晋城市凤台街道某某小区3号楼", "山西省晋城市****"],
    ["山西省晋城市黄华街农贸市场", "山西省晋城市****"],
  ])("stops at the last division it recognises when the county is missing: %s", (address, masked) => {
    expect(maskAddress(address)).toBe(masked);
  });

  it("masks everything when it recognises no division", () => {
    expect(maskAddress("凤台街道某某小区3号楼2单元301室")).toBe("****");
    expect(maskAddress("Room 301, 12 Main Street")).toBe("****");
  });

  it("leaves an address that names only divisions as it is", () => {
    expect(maskAddress("山西省晋城市城区")).toBe("山西省晋城市城区");
  });

  it("returns an empty address empty", () => {
    expect(maskAddress("  ")).toBe("");
  });
});
