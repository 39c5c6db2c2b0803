"""The app's own messages (an op's refusal, a sync or print failure, the API's errors) in the
UI language. The layers below the UI speak Chinese (the source language) and build messages
from templates with values in them; ``message(text)`` finds the template a message was built
from, translates it, and puts the values back (translating those that are messages too, such as
a reason inside "订单 %1：%2"). A message no template matches is shown as it is.

The table: ``MESSAGES`` below (ops, sync, api, printing, storage), the store's rules and the
shipping run's words (``labels.ISSUES`` / ``labels.SHIPPING``) and after-sales
(``messages_aftersale.TEMPLATES``). tests/ui/test_messages_language.py scans every package
below the UI for Chinese literals and checks each one comes out in English.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from . import labels, messages_aftersale
from .carriers import carrier_name

# The templates, %1 … where the code puts a value; compositions ("%1：%2") come last.
MESSAGES = (
    QT_TRANSLATE_NOOP("Messages", "找不到图片文件：%1"),
    QT_TRANSLATE_NOOP("Messages", "不支持的图片格式：%1（请用 JPG、PNG、GIF、WebP 或 BMP）"),
    QT_TRANSLATE_NOOP("Messages", "备注最多 %1 个字"),
    QT_TRANSLATE_NOOP("Messages", "订单不存在"),
    QT_TRANSLATE_NOOP("Messages", "请选择要发货的商品"),
    QT_TRANSLATE_NOOP("Messages", "请选择快递公司"),
    QT_TRANSLATE_NOOP("Messages", "请填写快递单号"),
    QT_TRANSLATE_NOOP("Messages", "这个快递单号已经用于本订单"),
    QT_TRANSLATE_NOOP("Messages", "这不是礼物订单"),
    QT_TRANSLATE_NOOP("Messages", "发货数量必须大于 0"),
    QT_TRANSLATE_NOOP("Messages", "发货商品不在订单中，或数量超过未发货数量"),
    QT_TRANSLATE_NOOP("Messages", "库存不足：现有 %1，不能减少 %2"),
    QT_TRANSLATE_NOOP("Messages", "商品不存在或已被删除"),
    QT_TRANSLATE_NOOP("Messages", "商品已在审核中，请勿重复提交"),
    QT_TRANSLATE_NOOP("Messages", "商品已删除"),
    QT_TRANSLATE_NOOP("Messages", "商品未在售，无需下架"),
    QT_TRANSLATE_NOOP("Messages", "审核中的商品不能删除，请先撤回审核"),
    QT_TRANSLATE_NOOP("Messages", "库存变化不能为 0"),
    QT_TRANSLATE_NOOP("Messages", "SKU 不存在"),
    QT_TRANSLATE_NOOP("Messages", "面单 %1 不存在"),
    QT_TRANSLATE_NOOP("Messages", "订单 %1 不存在"),
    QT_TRANSLATE_NOOP("Messages", "订单 %1：%2"),
    QT_TRANSLATE_NOOP("Messages", "订单 %1 已有%2面单"),
    QT_TRANSLATE_NOOP("Messages", "请选择订单"),
    QT_TRANSLATE_NOOP("Messages", "面单不存在"),
    QT_TRANSLATE_NOOP("Messages", "面单还没有取到单号，不能打印"),
    QT_TRANSLATE_NOOP("Messages", "面单已取消"),
    QT_TRANSLATE_NOOP("Messages", "没有打印任何面单"),
    QT_TRANSLATE_NOOP("Messages", "这张面单已用于发货，不能取消"),
    QT_TRANSLATE_NOOP("Messages", "面单正在取号，请等取号完成后再取消"),
    QT_TRANSLATE_NOOP("Messages", "打印组件中没有打印机“%1”"),
    QT_TRANSLATE_NOOP("Messages", "打印机“%1”未就绪（%2）"),
    QT_TRANSLATE_NOOP("Messages", "无法保存 PDF：文件夹“%1”不存在"),
    QT_TRANSLATE_NOOP("Messages", "无法保存 PDF：没有写入“%1”的权限"),
    QT_TRANSLATE_NOOP("Messages", "没有选择打印机，请先在设置中选择面单打印机"),
    QT_TRANSLATE_NOOP("Messages", "找不到打印机“%1”，请检查打印机是否已连接并安装驱动（当前可用：%2）"),
    QT_TRANSLATE_NOOP("Messages", "无法开始打印到“%1”：打印机不可用或无法写入"),
    QT_TRANSLATE_NOOP("Messages", "打印任务未能提交到“%1”"),
    QT_TRANSLATE_NOOP("Messages", "商品 %1 在小店后台也被修改了：%2"),
    QT_TRANSLATE_NOOP("Messages", "商品 %1 没有待解决的冲突"),
    QT_TRANSLATE_NOOP("Messages", "还没有选择：%1"),
    QT_TRANSLATE_NOOP("Messages", "缓存中没有商品 %1 的服务器版本"),
    QT_TRANSLATE_NOOP("Messages", "服务器上没有该商品的草稿"),
    QT_TRANSLATE_NOOP("Messages", "订单 %1 的状态码 %2 无法识别，已按原样保存"),
    QT_TRANSLATE_NOOP("Messages", "订单 %1 缺少收货地址（状态 %2），请在小店后台核对"),
    QT_TRANSLATE_NOOP("Messages", "订单 %1 的数据无法解析，已跳过，下次同步重试（%2）"),
    QT_TRANSLATE_NOOP("Messages", "商品 %1 的数据无法解析，已跳过，下次同步重试（%2）"),
    QT_TRANSLATE_NOOP("Messages", "%1：本版本不支持该操作（%2）"),
    QT_TRANSLATE_NOOP("Messages", "%1失败：%2"),
    QT_TRANSLATE_NOOP("Messages", "打印机“%1”不接受 %2×%3 mm 的纸张尺寸"),
    QT_TRANSLATE_NOOP("Messages", "打印第 %1 页（%2）时出错：%3"),
    QT_TRANSLATE_NOOP("Messages", "打印到“%1”时无法新建第 %2 页"),
    QT_TRANSLATE_NOOP("Messages", "已取消打印"),
    QT_TRANSLATE_NOOP("Messages", "已取消打印（任务已在打印队列中挂起，请在系统打印队列中删除）"),
    QT_TRANSLATE_NOOP("Messages", "已取消打印（打印机不支持中途取消，已生成的页面可能仍会打印）"),
    QT_TRANSLATE_NOOP("Messages", "没有可打印的内容"),
    QT_TRANSLATE_NOOP("Messages", "新建商品"),
    QT_TRANSLATE_NOOP("Messages", "修改商品"),
    QT_TRANSLATE_NOOP("Messages", "上架商品"),
    QT_TRANSLATE_NOOP("Messages", "下架商品"),
    QT_TRANSLATE_NOOP("Messages", "删除商品"),
    QT_TRANSLATE_NOOP("Messages", "修改库存"),
    QT_TRANSLATE_NOOP("Messages", "订单备注"),
    QT_TRANSLATE_NOOP("Messages", "礼物留言"),
    QT_TRANSLATE_NOOP("Messages", "发货"),
    QT_TRANSLATE_NOOP("Messages", "电子面单取号"),
    QT_TRANSLATE_NOOP("Messages", "取消电子面单"),
    QT_TRANSLATE_NOOP("Messages", "面单打印回传"),
    QT_TRANSLATE_NOOP("Messages", "待发送的数据缺少 %1"),
    QT_TRANSLATE_NOOP("Messages", "缓存中没有订单 %1"),
    QT_TRANSLATE_NOOP("Messages", "订单 %1 没有收货地址，不能取号"),
    QT_TRANSLATE_NOOP("Messages", "该电子面单账号没有寄件地址，请在小店后台设置"),
    QT_TRANSLATE_NOOP("Messages", "这个面单账号没有寄件地址：请先在“寄件地址…”中选择店铺地址或填写一个"),
    QT_TRANSLATE_NOOP("Messages", "寄件地址不完整：须有寄件人、手机号、省、市和详细地址"),
    QT_TRANSLATE_NOOP("Messages", "发货包裹中没有商品"),
    QT_TRANSLATE_NOOP("Messages", "库存修改数据不完整（%1）"),
    QT_TRANSLATE_NOOP("Messages", "找不到本地图片 %1（%2）"),
    QT_TRANSLATE_NOOP("Messages", "图片 %1 不是 PNG/JPEG：%2"),
    QT_TRANSLATE_NOOP("Messages", "微信小店服务器没有响应，请稍后再试"),
    QT_TRANSLATE_NOOP("Messages", "没有调用该接口的权限，请在小店后台检查授权"),
    QT_TRANSLATE_NOOP("Messages", "接口已被封禁"),
    QT_TRANSLATE_NOOP("Messages", "请求格式有误"),
    QT_TRANSLATE_NOOP("Messages", "参数有误"),
    QT_TRANSLATE_NOOP("Messages", "商品当前状态不允许编辑"),
    QT_TRANSLATE_NOOP("Messages", "SKU 数量须在 1–500 个之间"),
    QT_TRANSLATE_NOOP("Messages", "运费模板无效"),
    QT_TRANSLATE_NOOP("Messages", "商品标题不能为空"),
    QT_TRANSLATE_NOOP("Messages", "商品标题太长"),
    QT_TRANSLATE_NOOP("Messages", "商品标题太短"),
    QT_TRANSLATE_NOOP("Messages", "请上传商品主图"),
    QT_TRANSLATE_NOOP("Messages", "商品主图太多"),
    QT_TRANSLATE_NOOP("Messages", "SKU 价格太高"),
    QT_TRANSLATE_NOOP("Messages", "图片必须先上传到微信小店"),
    QT_TRANSLATE_NOOP("Messages", "SKU 价格不能为 0"),
    QT_TRANSLATE_NOOP("Messages", "标题不能只有数字、字母或符号"),
    QT_TRANSLATE_NOOP("Messages", "商品审核中，请先撤回审核"),
    QT_TRANSLATE_NOOP("Messages", "商品审核中，不能编辑或删除"),
    QT_TRANSLATE_NOOP("Messages", "没有该商品的操作权限"),
    QT_TRANSLATE_NOOP("Messages", "商品未上架"),
    QT_TRANSLATE_NOOP("Messages", "商品正在异步上传，暂不能上架"),
    QT_TRANSLATE_NOOP("Messages", "该 SKU 库存修改太频繁，请稍后再试"),
    QT_TRANSLATE_NOOP("Messages", "商品审核中，不能改库存"),
    QT_TRANSLATE_NOOP("Messages", "库存变化量不能为 0"),
    QT_TRANSLATE_NOOP("Messages", "库存不足，不能扣减"),
    QT_TRANSLATE_NOOP("Messages", "商品从未上架过，不能改库存"),
    QT_TRANSLATE_NOOP("Messages", "订单更新太频繁，请稍后再试"),
    QT_TRANSLATE_NOOP("Messages", "订单当前状态不允许此操作"),
    QT_TRANSLATE_NOOP("Messages", "订单有未完成的售后"),
    QT_TRANSLATE_NOOP("Messages", "发货商品有误（不在订单中、已发货或已退款）"),
    QT_TRANSLATE_NOOP("Messages", "订单已全部发货"),
    QT_TRANSLATE_NOOP("Messages", "发货请求中没有商品"),
    QT_TRANSLATE_NOOP("Messages", "订单已有线上物流单，不能自寄发货"),
    QT_TRANSLATE_NOOP("Messages", "电子面单取号失败"),
    QT_TRANSLATE_NOOP("Messages", "电子面单取消失败"),
    QT_TRANSLATE_NOOP("Messages", "电子面单更新冲突，请重试"),
    QT_TRANSLATE_NOOP("Messages", "快递公司编码有误"),
    QT_TRANSLATE_NOOP("Messages", "网点信息有误"),
    QT_TRANSLATE_NOOP("Messages", "网点账号有误"),
    QT_TRANSLATE_NOOP("Messages", "电子面单已存在"),
    QT_TRANSLATE_NOOP("Messages", "电子面单单号格式有误"),
    QT_TRANSLATE_NOOP("Messages", "快递公司取消超时"),
    QT_TRANSLATE_NOOP("Messages", "面单模板不存在"),
    QT_TRANSLATE_NOOP("Messages", "微信小店接口调用失败"),
    QT_TRANSLATE_NOOP("Messages", "AppID 或 AppSecret 不正确，请在设置中重新填写"),
    QT_TRANSLATE_NOOP("Messages", "登录凭证已失效，刷新后仍被拒绝，请检查是否有其他工具重置了 AppSecret"),
    QT_TRANSLATE_NOOP("Messages", "微信小店系统繁忙，请稍后再试"),
    QT_TRANSLATE_NOOP("Messages", "调用太频繁，已达到每分钟上限，请稍后再试"),
    QT_TRANSLATE_NOOP("Messages", "该接口今日调用次数已用完，请明天再试"),
    QT_TRANSLATE_NOOP("Messages", "找不到该记录（可能已被删除）"),
    QT_TRANSLATE_NOOP("Messages", "微信小店拒绝了该操作"),
    QT_TRANSLATE_NOOP("Messages", "无法连接微信小店服务器，请检查网络"),
    QT_TRANSLATE_NOOP("Messages", "演示店铺"),
    QT_TRANSLATE_NOOP("Messages", "这个缓存属于另一个店铺（%1），不能用于%2：已停止同步，没有发送或改动任何内容：%3"),
    QT_TRANSLATE_NOOP("Messages", "所在的网络需要先登录（例如酒店或咖啡馆的 Wi-Fi）：请在浏览器中登录后再试，"
                                  "修改都已保存，登录后会自动重试"),
    QT_TRANSLATE_NOOP("Messages", "微信小店服务器暂时无法正常响应，请稍后再试"),
    QT_TRANSLATE_NOOP("Messages", "微信小店返回了无法识别的数据"),
    QT_TRANSLATE_NOOP("Messages", "请求结果未知（网络中断），请先刷新确认后再重试"),
    QT_TRANSLATE_NOOP("Messages", "本机 IP 不在小店后台的 IP 白名单中，请先添加"),
    QT_TRANSLATE_NOOP("Messages", "没有订单 %1"),
    QT_TRANSLATE_NOOP("Messages", "微信小店拒绝了发货"),
    QT_TRANSLATE_NOOP("Messages", "请输入金额，例如 12.50（最多两位小数）"),
    QT_TRANSLATE_NOOP("Messages", "微信小店服务器响应太慢，已停止等待，请稍后再试"),
    QT_TRANSLATE_NOOP("Messages", "同步超过 %1 分钟仍未完成，已停止；已保存的内容不受影响，下次同步继续"),
    QT_TRANSLATE_NOOP("Messages", "订单 %1 暂时无法读取，已跳过，下次同步重试（%2）"),
    QT_TRANSLATE_NOOP("Messages", "商品 %1 暂时无法读取，已跳过，下次同步重试（%2）"),
    # images the seller picked (store/images.py, ops/images.py, sync/push_products.py)
    QT_TRANSLATE_NOOP("Messages", "图片引用不是本应用选取的图片"),
    QT_TRANSLATE_NOOP("Messages", "%1 不是普通文件"),
    QT_TRANSLATE_NOOP("Messages", "%1 超过 %2 MB"),
    QT_TRANSLATE_NOOP("Messages", "图片 %1 超过 %2 MB"),
    QT_TRANSLATE_NOOP("Messages", "%1 的内容与其名称不符（文件被改动过）"),
    QT_TRANSLATE_NOOP("Messages", "图片 %1 不能上传：%2"),
    QT_TRANSLATE_NOOP("Messages", "图片引用无效：%1"),
    # the outbox: a row that waits, a damaged row, retry/drop of a failed one (ops/outbox.py)
    QT_TRANSLATE_NOOP("Messages", "无法读取微信小店的回复（网络可能需要先登录，例如酒店或咖啡馆的 Wi-Fi），修改都已保存，稍后会自动重试"),
    QT_TRANSLATE_NOOP("Messages", "%1稍后重试：%2"),
    QT_TRANSLATE_NOOP("Messages", "%1等待重试：%2"),
    QT_TRANSLATE_NOOP("Messages", "待发送的数据已损坏，无法发送（%1）"),
    QT_TRANSLATE_NOOP("Messages", "这项修改已不存在（可能已同步或已放弃）"),
    QT_TRANSLATE_NOOP("Messages", "只有失败的修改可以重试或放弃"),
    # printing (labels/): the target, the print component, a page that cannot be laid out
    QT_TRANSLATE_NOOP("Messages", "打印机“%1”已停止或出错，请在系统的打印机设置中恢复后重试"),
    QT_TRANSLATE_NOOP("Messages", "打印机“%1”不接受打印任务，请在系统的打印机设置中启用后重试"),
    QT_TRANSLATE_NOOP("Messages", "打印机“%1”不接受打印任务（%2），请在系统的打印机设置中启用后重试"),
    QT_TRANSLATE_NOOP("Messages", "无法保存 PDF：“%1”是一个文件夹，请填写文件名"),
    QT_TRANSLATE_NOOP("Messages", "无法保存 PDF 到“%1”：%2"),
    QT_TRANSLATE_NOOP("Messages", "运单 %1 没有打印数据（print_info），请重新获取"),
    QT_TRANSLATE_NOOP("Messages", "未检测到微信小店打印组件（%1），请确认打印组件已安装并正在运行"),
    QT_TRANSLATE_NOOP("Messages", "打印组件 %1 秒内没有响应（%2）"),
    QT_TRANSLATE_NOOP("Messages", "打印组件连接已关闭"),
    QT_TRANSLATE_NOOP("Messages", "与打印组件的连接已断开"),
    QT_TRANSLATE_NOOP("Messages", "尚未连接打印组件"),
    QT_TRANSLATE_NOOP("Messages", "打印组件返回的版本信息无法识别"),
    QT_TRANSLATE_NOOP("Messages", "打印组件没有返回该任务的结果"),
    QT_TRANSLATE_NOOP("Messages", "打印失败（原因未知）"),
    QT_TRANSLATE_NOOP("Messages", "原因未知"),
    QT_TRANSLATE_NOOP("Messages", "打印组件%1失败：%2"),
    QT_TRANSLATE_NOOP("Messages", "获取打印机列表"),
    QT_TRANSLATE_NOOP("Messages", "获取打印组件版本"),
    QT_TRANSLATE_NOOP("Messages", "打印"),
    # the print component's address, custom area and pages (labels/printcomp.py,
    # labels/custom_area.py, labels/component_pages.py, workflows/shipping_component.py)
    QT_TRANSLATE_NOOP("Messages", "打印组件地址无法识别，例如 ws://127.0.0.1:12705"),
    QT_TRANSLATE_NOOP("Messages", "打印组件地址须为 ws://127.0.0.1:端口（例如 ws://127.0.0.1:12705）"),
    QT_TRANSLATE_NOOP("Messages", "打印组件只在本机运行：地址须为 127.0.0.1、localhost 或 [::1]"),
    QT_TRANSLATE_NOOP("Messages", "打印组件地址缺少端口（例如 ws://127.0.0.1:12705）"),
    QT_TRANSLATE_NOOP("Messages", "自定义区模板地址太长（最多 %1 个字符）"),
    QT_TRANSLATE_NOOP("Messages", "自定义区模板地址不能包含空格"),
    QT_TRANSLATE_NOOP("Messages", "自定义区模板地址无法识别"),
    QT_TRANSLATE_NOOP("Messages", "自定义区模板地址必须以 https:// 开头（打印组件只接受 https 模板）"),
    QT_TRANSLATE_NOOP("Messages", "自定义区模板地址缺少域名"),
    QT_TRANSLATE_NOOP("Messages", "自定义区模板地址不能包含用户名或密码"),
    QT_TRANSLATE_NOOP("Messages", "自定义区内容太长（最多 %1 个字符）"),
    QT_TRANSLATE_NOOP("Messages", "自定义区不能放买家的姓名、电话或地址（{%1}）"),
    QT_TRANSLATE_NOOP("Messages", "自定义区中的 {%1} 无法识别，可用：%2"),
    QT_TRANSLATE_NOOP("Messages", "自定义区最多 %1 行（面单上的自定义区约 65×30 毫米）"),
    QT_TRANSLATE_NOOP("Messages", "自定义区第 %1 行太长：每行最多 %2 个汉字（或 %3 个字母数字）"),
    QT_TRANSLATE_NOOP("Messages", "填写了自定义区内容，还需要填写自定义区模板地址（https）"),
    QT_TRANSLATE_NOOP("Messages", "无法生成第 %1 页的图像"),
    QT_TRANSLATE_NOOP("Messages", "打印组件：%1"),
    QT_TRANSLATE_NOOP("Messages", "打印组件打印第 %1 页失败：%2"),
    QT_TRANSLATE_NOOP("Messages", "前一张面单打印失败，这张没有打印"),
    QT_TRANSLATE_NOOP("Messages", "%1 面单太短，放不下收寄件信息"),
    QT_TRANSLATE_NOOP("Messages", "运单号为空，无法生成条码"),
    QT_TRANSLATE_NOOP("Messages", "运单号 %1 太长，%2 mm 宽的位置放不下条码"),
    QT_TRANSLATE_NOOP("Messages", "二维码放不下（%1×%2 mm）"),
    QT_TRANSLATE_NOOP("Messages", "系统中没有中文字体，%1"),
    QT_TRANSLATE_NOOP("Messages", "请安装 fonts-wqy-microhei 或 Noto Sans CJK SC"),
    QT_TRANSLATE_NOOP("Messages", "请在 Windows 设置 → 字体 中安装“微软雅黑 (Microsoft YaHei)”"),
    QT_TRANSLATE_NOOP("Messages", "请在“字体册”中启用“苹方 (PingFang SC)”"),
    QT_TRANSLATE_NOOP("Messages", "订单 %1 还没有运单号，不能打印面单"),
    QT_TRANSLATE_NOOP("Messages", "所选订单没有商品，无法生成拣货单"),
    QT_TRANSLATE_NOOP("Messages", "没有选择订单，无法生成发货单"),
    QT_TRANSLATE_NOOP("Messages", "不支持的纸张尺寸“%1”，可选：%2、A4"),
    # the cache and its data dir (store/errors.py, store/db.py, store/lock.py): the window
    # names these by type (storage_text.py); their text reaches a sync note or a failed row
    QT_TRANSLATE_NOOP("Messages", "缓存文件已损坏：%1（%2）"),
    QT_TRANSLATE_NOOP("Messages", "缓存文件来自更新版本的小店桌面（版本 %1 > %2）：%3"),
    QT_TRANSLATE_NOOP("Messages", "这个店铺的数据目录正被另一个小店桌面程序使用：%1"),
    QT_TRANSLATE_NOOP("Messages", "无法读写本地缓存"),
    QT_TRANSLATE_NOOP("Messages", "磁盘空间已满，无法保存"),
    QT_TRANSLATE_NOOP("Messages", "数据目录是只读的，无法保存"),
    QT_TRANSLATE_NOOP("Messages", "没有读写数据目录的权限"),
    QT_TRANSLATE_NOOP("Messages", "读写本地缓存时出现磁盘错误"),
    QT_TRANSLATE_NOOP("Messages", "进程 %1"),
    QT_TRANSLATE_NOOP("Messages", "无法启用 WAL（%1）"),
    QT_TRANSLATE_NOOP("Messages", "完整性检查失败：%1"),
    QT_TRANSLATE_NOOP("Messages", "不是小店桌面的缓存文件"),
    QT_TRANSLATE_NOOP("Messages", "%1 [%2] %3"),
    QT_TRANSLATE_NOOP("Messages", "%1 [%2]"),
    QT_TRANSLATE_NOOP("Messages", "%1：%2"),
    QT_TRANSLATE_NOOP("Messages", "%1（%2）"),
    QT_TRANSLATE_NOOP("Messages", "%1；%2"),
)
_CJK = re.compile(r"[\u4e00-\u9fff]")


@cache
def _patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(context, template, pattern) for every known template, the most specific first."""
    known = [("Messages", t) for t in MESSAGES] + [("Issues", t) for t in labels.ISSUES] \
        + [("Shipping", t) for t in labels.SHIPPING] \
        + [(messages_aftersale.CONTEXT, t) for t in messages_aftersale.TEMPLATES]
    compiled = []
    for order, (context, template) in enumerate(known):
        pattern = re.sub(r"%(\d)", "(.+?)", re.escape(template))
        literal = len(re.sub(r"%\d", "", template))
        compiled.append((-literal, order, context, template, re.compile(pattern, re.S)))
    compiled.sort(key=lambda c: (c[0], c[1]))
    return tuple((context, template, pattern) for _l, _o, context, template, pattern in compiled)


def message(text: str, depth: int = 0) -> str:
    """``text`` in the UI language, or unchanged when it is no known message.

    Several templates may match one text (the longest "图片 %1 超过 %2 MB" also matches
    "图片 x 不能上传：x 超过 10 MB"): the most specific reading that leaves no Chinese wins,
    else the most specific one. Answers are kept per language (list cells ask again and again).
    """
    if not text or not _CJK.search(text) or depth > 4:
        return text
    return _read(text, depth, QCoreApplication.translate("Messages", _MARKER))


_MARKER = "%1失败：%2"  # its translation names the UI language (untranslated: Chinese)


@lru_cache(maxsize=8192)
def _read(text: str, depth: int, language: str) -> str:
    """``message`` for one language (the readings of a text's parts are shared, not redone)."""
    if not text or not _CJK.search(text) or depth > 4:
        return text
    first = ""
    for context, template, pattern in _patterns():
        match = pattern.fullmatch(text)
        if match is None:
            continue
        translated = QCoreApplication.translate(context, template)
        for i, value in enumerate(match.groups(), 1):
            translated = translated.replace(f"%{i}", _value(value, depth, language))
        if language == _MARKER:  # Chinese: every reading gives the same words back
            return translated
        if not _CJK.search(translated):
            return translated
        first = first or translated
    return first or text


def _value(value: str, depth: int, language: str) -> str:
    if not _CJK.search(value):
        return value
    name, known = carrier_name("", value)
    return name if known else _read(value, depth + 1, language)


def join(parts: list[str]) -> str:
    """Sentences one after the other ("；" / "; ")."""
    return QCoreApplication.translate("Messages", "；").join(parts)


def join_items(parts: list[str]) -> str:
    """A list of short items ("、" / ", ")."""
    return QCoreApplication.translate("Messages", "、").join(parts)


def error(exc: BaseException) -> str:
    """An exception's message for the seller (a rule's refusals joined, each translated)."""
    issues = getattr(exc, "issues", None)
    if issues:
        return join([message(i.message) for i in issues])
    return message(str(exc))
